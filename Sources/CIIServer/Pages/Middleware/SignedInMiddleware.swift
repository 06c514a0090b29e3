import CIIAccess
import Hummingbird

/// Lets through only a logged-in person, and, unless the route is the password change itself,
/// only once they replaced their one-time password; sends anyone else to the login page (or to
/// the password change). Handlers take the session with ``NodeRequestContext/signedIn()``.
struct SignedInMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    /// Whether the routes behind it serve a person who must still change their password.
    let allowPendingPassword: Bool

    func handle(
        _ request: Request,
        context: NodeRequestContext,
        next: (Request, NodeRequestContext) async throws -> Response
    ) async throws -> Response {
        guard case .session(let session) = context.identity else { return Pages.redirect("/login") }
        if session.account.mustChangePassword, !allowPendingPassword { return Pages.redirect("/account/password") }
        return try await next(request, context)
    }
}
