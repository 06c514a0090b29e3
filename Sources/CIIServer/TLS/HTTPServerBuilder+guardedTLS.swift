public import HummingbirdCore
public import HummingbirdTLS
import NIOSSL

extension HTTPServerBuilder {
    /// An HTTP/1 server over TLS behind the limits of `connectionGuard` (see ``GuardedTLSChannel``).
    ///
    /// ```swift
    /// let server = try HTTPServerBuilder.guardedTLS(
    ///     http1: .init(idleTimeout: .seconds(60)),
    ///     configuration: .init(tlsConfiguration: tls, customVerificationCallback: verifyMember),
    ///     guard: connectionGuard
    /// )
    /// ```
    /// - Parameters:
    ///   - http1: the HTTP/1 settings (its idle timeout closes a connection between requests).
    ///   - configuration: the TLS configuration (hardened by ``ServerTLS/hardened(_:)``) and an
    ///     optional custom verification callback.
    ///   - connectionGuard: the timeouts and the per-address cap.
    /// - Throws: NIOSSL's error when the TLS configuration cannot be used (now, not when the server starts).
    public static func guardedTLS(
        http1: HTTP1Channel.Configuration = .init(),
        configuration: TLSChannelConfiguration,
        guard connectionGuard: ConnectionGuard
    ) throws -> HTTPServerBuilder {
        let context = try NIOSSLContext(configuration: ServerTLS.hardened(configuration.tlsConfiguration))
        let callback = configuration.customVerificationCallback
        return HTTPServerBuilder { responder in
            GuardedTLSChannel(
                HTTP1Channel(responder: responder, configuration: http1),
                context: context,
                customVerificationCallback: callback,
                guard: connectionGuard
            )
        }
    }
}
