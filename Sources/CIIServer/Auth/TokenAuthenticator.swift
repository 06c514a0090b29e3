import CIIAccess
import Hummingbird
import HummingbirdAuth
import Logging

/// Recognises an integration's API token (`Authorization: Bearer ciid_…`).
struct TokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = NodeRequestContext
    typealias Identity = Principal

    let access: AccessControl

    func authenticate(request: Request, context: NodeRequestContext) async throws -> Principal? {
        guard let bearer = request.headers.bearer else { return nil }
        do {
            guard let token = try access.token(secret: bearer.token) else {
                throw APIError(
                    .unauthorized,
                    code: "auth.bad_token",
                    message: "The API token is unknown or revoked; ask the node's admin for a new one."
                )
            }
            return .token(token)
        } catch let error as APIError {
            throw error
        } catch {
            context.logger.error("API tokens cannot be read: \(error)")
            throw APIError(.serviceUnavailable, code: "auth.unavailable", message: "Tokens cannot be checked right now; try again shortly.")
        }
    }
}
