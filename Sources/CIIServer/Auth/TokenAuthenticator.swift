import CIIAccess
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import Logging

/// Recognises an integration's API token (`Authorization: Bearer ciid_…`).
struct TokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = NodeRequestContext
    typealias Identity = Principal

    let access: AccessControl

    func authenticate(request: Request, context: NodeRequestContext) async throws -> Principal? {
        guard let secret = Self.bearer(request.headers.first(.authorization)) else { return nil }
        do {
            guard let token = try access.token(secret: secret) else {
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

    /// The token of an `Authorization: Bearer …` header, or nil (compared on bytes: this runs
    /// for every API call, and `HTTPFields.bearer` costs more in `String` prefix handling).
    static func bearer(_ authorization: String?) -> String? {
        guard let authorization else { return nil }
        let bytes = authorization.utf8
        guard bytes.starts(with: "Bearer ".utf8) else { return nil }
        return String(Substring(bytes.dropFirst(7)))
    }
}
