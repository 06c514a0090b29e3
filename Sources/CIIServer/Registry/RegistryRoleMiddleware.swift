import CIIAccess
import Hummingbird

/// Lets through only the registry roles of a route group (403 for the others), before any handler
/// runs and before a body is read. Placed behind ``RegistrySessionMiddleware``.
struct RegistryRoleMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    /// The account roles the group serves.
    let roles: Set<AccountRole>

    func handle(
        _ request: Request,
        context: NodeRequestContext,
        next: (Request, NodeRequestContext) async throws -> Response
    ) async throws -> Response {
        guard case .session(let session) = context.identity, roles.contains(session.account.role) else { throw RegistryAPIError.forbidden }
        return try await next(request, context)
    }
}
