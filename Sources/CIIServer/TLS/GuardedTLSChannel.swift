public import HummingbirdCore
public import HummingbirdTLS
public import Logging
public import NIOCore
public import NIOSSL

/// A server child channel like HummingbirdTLS's `TLSChannel`, with the limits of a
/// ``ConnectionGuard`` in front of TLS, for every listener of a node.
///
/// Its pipeline, from the socket: an `IdleStateHandler` and the ``ConnectionGuard``'s handler
/// (per-address cap, idle close), the TLS handler (with the optional custom verification
/// callback, for a listener that requires client certificates), a handshake deadline, then the
/// base channel (HTTP/1). The TLS configuration is ``ServerTLS/hardened(_:)`` first, so every
/// listener offers TLS 1.2 and 1.3 with only the suites of ``ServerTLS/tls12CipherSuites``.
///
/// ```swift
/// let app = Application(
///     router: router,
///     server: try .guardedTLS(configuration: .init(tlsConfiguration: tls), guard: ConnectionGuard())
/// )
/// ```
public struct GuardedTLSChannel<BaseChannel: ServerChildChannel>: ServerChildChannel {
    /// The value of the base channel.
    public typealias Value = BaseChannel.Value

    /// Wraps `baseChannel` in TLS and the limits of `connectionGuard`.
    /// - Parameters:
    ///   - baseChannel: the channel behind TLS (HTTP/1).
    ///   - configuration: the TLS configuration (hardened here) and an optional custom verification
    ///     callback, which replaces BoringSSL's verification of client certificates entirely.
    ///   - connectionGuard: the timeouts and the per-address cap; share one value between listeners
    ///     to count a client's connections over all of them.
    /// - Throws: NIOSSL's error when the TLS configuration cannot be used.
    public init(_ baseChannel: BaseChannel, configuration: TLSChannelConfiguration, guard connectionGuard: ConnectionGuard) throws {
        let context = try NIOSSLContext(configuration: ServerTLS.hardened(configuration.tlsConfiguration))
        self.init(baseChannel, context: context, customVerificationCallback: configuration.customVerificationCallback, guard: connectionGuard)
    }

    init(
        _ baseChannel: BaseChannel,
        context: NIOSSLContext,
        customVerificationCallback: TLSChannelConfiguration.CustomVerificationCallback?,
        guard connectionGuard: ConnectionGuard
    ) {
        self.baseChannel = baseChannel
        self.sslContext = context
        self.customVerificationCallback = customVerificationCallback
        self.connectionGuard = connectionGuard
    }

    /// Adds the guard's handlers and TLS to `channel`, then sets up the base channel.
    /// - Parameters:
    ///   - channel: the accepted connection.
    ///   - logger: the server's logger.
    /// - Returns: the base channel's value.
    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(IdleStateHandler(allTimeout: connectionGuard.idleTimeout))
            try pipeline.addHandler(ConnectionGuardHandler(connectionGuard: connectionGuard, logger: logger))
            try pipeline.addHandler(
                NIOSSLServerHandler(context: sslContext, customVerificationCallback: customVerificationCallback, configuration: .init())
            )
            try pipeline.addHandler(HandshakeTimeoutHandler(timeout: connectionGuard.handshakeTimeout, logger: logger))
        }.flatMap {
            baseChannel.setup(channel: channel, logger: logger)
        }
    }

    /// Hands the connection to the base channel.
    /// - Parameters:
    ///   - value: the base channel's value.
    ///   - logger: the server's logger.
    public func handle(value: Value, logger: Logger) async {
        await baseChannel.handle(value: value, logger: logger)
    }

    let baseChannel: BaseChannel
    let sslContext: NIOSSLContext
    let customVerificationCallback: TLSChannelConfiguration.CustomVerificationCallback?
    let connectionGuard: ConnectionGuard
}

extension GuardedTLSChannel: HTTPChannelHandler where BaseChannel: HTTPChannelHandler {
    /// The base channel's responder.
    public var responder: HTTPChannelHandler.Responder { baseChannel.responder }
}
