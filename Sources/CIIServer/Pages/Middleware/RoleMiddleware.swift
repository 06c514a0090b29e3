import CIIAccess
import Hummingbird

/// Lets through only a logged-in person of `role`; anyone else logged in gets the 403 page.
/// Placed behind ``SignedInMiddleware``.
struct RoleMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    let role: AccountRole
    let pages: Pages

    func handle(
        _ request: Request,
        context: NodeRequestContext,
        next: (Request, NodeRequestContext) async throws -> Response
    ) async throws -> Response {
        guard case .session(let session) = context.identity else { return Pages.redirect("/login") }
        guard session.account.role == role else {
            let state = PageState(request: request, context: context)
            let texts = PageText.texts(state.language)
            return pages.renderer.message(texts["error_title"]!, texts["forbidden"]!, back: pages.renderer.home, state: state, status: .forbidden)
        }
        return try await next(request, context)
    }
}
