import Logging
import NIOCore
import NIOTLS

/// Placed right after the TLS handler: closes the connection unless the TLS handshake completes
/// within `timeout` of the connection becoming active, however slowly the client keeps sending.
final class HandshakeTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let timeout: TimeAmount
    private let logger: Logger
    private var deadline: Scheduled<Void>?
    private var completed = false

    init(timeout: TimeAmount, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            completed = true
            deadline?.cancel()
            deadline = nil
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    private func arm(_ context: ChannelHandlerContext) {
        guard deadline == nil, !completed else { return }
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let logger = self.logger
        deadline = context.eventLoop.scheduleTask(in: timeout) {
            logger.debug("closing a connection whose TLS handshake did not finish in time (server.handshake_timeout_seconds)")
            bound.value.close(promise: nil)
        }
    }
}
