import Logging
import NIOCore

/// The first handler of a guarded connection, before TLS: closes it at once when its client
/// address already holds the most connections allowed (with one warning per episode), closes it
/// when the `IdleStateHandler` in front of it reports it idle, and gives its place back when it closes.
final class ConnectionGuardHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let connectionGuard: ConnectionGuard
    private let logger: Logger
    /// The address this connection was counted under, until it closes.
    private var countedAddress: String?

    init(connectionGuard: ConnectionGuard, logger: Logger) {
        self.connectionGuard = connectionGuard
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
        let admission = connectionGuard.counter.admit(address, maximum: connectionGuard.maximumPerAddress)
        if admission == .admitted { countedAddress = address }
        context.fireChannelActive()
        guard case .refused(let first) = admission else { return }
        if first {
            // Once per episode: a flood would otherwise write a line per connection.
            logger.warning(
                "\(address) holds \(connectionGuard.maximumPerAddress) connections (server.max_connections_per_address): closing its new ones until some close"
            )
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let address = countedAddress {
            connectionGuard.counter.release(address)
            countedAddress = nil
        }
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            logger.trace("closing an idle connection (server.idle_timeout_seconds)")
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}
