import CIIAccess
import CIIRegistry
import HTTPTypes
import Hummingbird

/// Lets through a signed-in registry account and puts its ``RegistryActor`` in the context: 401
/// without a session, 403 for an account that must change its password, a write without the
/// session's `X-CSRF-Token`, or a role without registry access.
struct RegistrySessionMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    let access: AccessControl

    func handle(
        _ request: Request,
        context: NodeRequestContext,
        next: (Request, NodeRequestContext) async throws -> Response
    ) async throws -> Response {
        guard case .session(let session) = context.identity else { throw RegistryAPIError.authRequired }
        guard !session.account.mustChangePassword else { throw RegistryAPIError.passwordChange }
        if request.method != .get, request.method != .head {
            guard access.csrfMatches(session, request.headers[HTTPField.Name("X-CSRF-Token")!]) else { throw RegistryAPIError.csrf }
        }
        guard let actor = RegistryActor(account: session.account) else { throw RegistryAPIError.forbidden }
        var context = context
        context.registryActor = actor
        return try await next(request, context)
    }
}
