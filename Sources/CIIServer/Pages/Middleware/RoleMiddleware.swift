import CIIAccess
import Hummingbird

/// Lets through only a logged-in person of one of `roles`; anyone else logged in gets the 403
/// page. Placed behind ``SignedInMiddleware``.
struct RoleMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    let roles: Set<AccountRole>
    let pages: Pages

    /// Lets through `roles` only.
    init(roles: Set<AccountRole>, pages: Pages) {
        self.roles = roles
        self.pages = pages
    }

    /// Lets through `role` only.
    init(role: AccountRole, pages: Pages) {
        self.init(roles: [role], pages: pages)
    }

    func handle(
        _ request: Request,
        context: NodeRequestContext,
        next: (Request, NodeRequestContext) async throws -> Response
    ) async throws -> Response {
        guard case .session(let session) = context.identity else { return Pages.redirect("/login") }
        guard roles.contains(session.account.role) else {
            let state = PageState(request: request, context: context)
            let texts = PageText.texts(state.language)
            return pages.renderer.message(texts["error_title"]!, texts["forbidden"]!, back: pages.renderer.home, state: state, status: .forbidden)
        }
        return try await next(request, context)
    }
}
