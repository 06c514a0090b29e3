import Hummingbird

/// Reads the form of every POST to a page and lets it through only with the anti-forgery token
/// of the request's session (or of the pre-login cookie) and from this site; otherwise answers
/// the 403 page. Handlers take the checked form with ``NodeRequestContext/checkedForm()``.
struct CheckedFormMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    let pages: Pages

    func handle(
        _ request: Request,
        context: NodeRequestContext,
        next: (Request, NodeRequestContext) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        let state = PageState(request: request, context: context)
        let form = try await FormData.read(request, context: context)
        guard state.accepts(form, request: request) else {
            let texts = PageText.texts(state.language)
            return pages.renderer.message(texts["error_title"]!, texts["csrf"]!, back: "/", state: state, status: .forbidden)
        }
        var context = context
        context.form = form
        return try await next(request, context)
    }
}
