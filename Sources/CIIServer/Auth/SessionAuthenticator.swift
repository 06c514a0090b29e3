import CIIAccess
import Hummingbird
import HummingbirdAuth
import Logging

/// Recognises the session cookie of a logged-in person.
struct SessionAuthenticator: AuthenticatorMiddleware {
    typealias Context = NodeRequestContext
    typealias Identity = Principal

    /// The cookie that carries the session's secret (`__Host-`: HTTPS only, this host, every path).
    static let cookie = "__Host-ciid-session"

    let access: AccessControl

    func authenticate(request: Request, context: NodeRequestContext) async throws -> Principal? {
        guard let token = request.cookies[Self.cookie]?.value, !token.isEmpty, token.count < 100 else { return nil }
        do {
            return try access.session(token: token).map(Principal.session)
        } catch {
            context.logger.error("sessions cannot be read: \(error)")
            throw HTTPError(.serviceUnavailable)
        }
    }
}
