import CIIFederation
public import Hummingbird
import HummingbirdTLS
public import Logging
import NIOCore
public import NIOSSL

/// The members-only federation port: its own listener, mutual TLS (a client certificate of the
/// federation CA, or of a member's own CA, is required at the handshake) and every request
/// signed by a current member (``MemberAuthenticator``), before any route runs.
/// Browsers never meet it: the caseworkers' port asks for no certificate.
public struct FederationServer: Sendable {
    /// The routes.
    public let controller: FederationController
    /// How far a request's signing time may be from this node's clock.
    public let drift: Duration
    /// Where to listen.
    public let host: String
    /// The port (0 picks a free one).
    public let port: Int
    /// The client-certificate checks, shared by the handshake and the requests (one cache of roots).
    let certificates: MemberCertificates

    /// Creates the server description.
    public init(controller: FederationController, drift: Duration, host: String, port: Int) {
        self.controller = controller
        self.drift = drift
        self.host = host
        self.port = port
        self.certificates = MemberCertificates(state: controller.state)
    }

    /// The router: the member check first, then the routes.
    public func makeRouter() -> Router<FederationRequestContext> {
        let router = Router(context: FederationRequestContext.self)
        router.add(middleware: MemberAuthenticator(state: controller.state, certificates: certificates, drift: drift))
        controller.addRoutes(to: router)
        return router
    }

    /// The application serving HTTPS with client certificates required.
    /// - Parameters:
    ///   - tls: the node's server TLS configuration (``ServerTLS/configuration(certificate:key:)``).
    ///   - connectionGuard: the node's timeouts and per-address cap, shared with its caseworkers'
    ///     port (``NodeServer/connectionGuard``) so a client's connections count over both.
    ///   - idleTimeout: HTTP/1's idle timeout.
    ///   - onServerRunning: called with the bound port once the server listens.
    public func makeApplication(
        tls: TLSConfiguration,
        guard connectionGuard: ConnectionGuard,
        idleTimeout: Duration = .seconds(60),
        port: Int? = nil,
        logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        var configuration = tls
        configuration.certificateVerification = .noHostnameVerification  // a client certificate is required
        let channel = TLSChannelConfiguration(tlsConfiguration: configuration) { chain in
            let der = chain.compactMap { try? $0.toDERBytes() }
            return await certificates.acceptsChain(der) ? .certificateVerified : .failed
        }
        return Application(
            router: makeRouter(),
            server: try .guardedTLS(
                http1: .init(idleTimeout: .seconds(Int64(idleTimeout.components.seconds))),
                configuration: channel,
                guard: connectionGuard
            ),
            configuration: .init(address: .hostname(host, port: port ?? self.port), serverName: "ciid"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }
}
