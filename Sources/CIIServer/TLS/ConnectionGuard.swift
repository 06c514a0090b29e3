public import CIICore
public import NIOCore

/// The limits a node's listener puts on its connections, so that clients that connect and never
/// finish the handshake, or go quiet, cannot use up the node's open files.
///
/// - A connection whose TLS handshake has not finished ``handshakeTimeout`` after it was accepted
///   is closed, however slowly the client keeps sending.
/// - A connection on which nothing was read or written for ``idleTimeout`` is closed.
/// - A client address holding ``maximumPerAddress`` connections has any further one closed as
///   soon as it is accepted.
///
/// Copies share one count of open connections per address: give the same value to several
/// listeners (the caseworker and federation ports) to cap a client over all of them.
public struct ConnectionGuard: Sendable {
    /// Time from accepting a connection to the end of its TLS handshake.
    public var handshakeTimeout: TimeAmount
    /// Time without reading or writing anything before a connection is closed.
    public var idleTimeout: TimeAmount
    /// Connections one client address may hold at once.
    public var maximumPerAddress: Int
    /// Open connections per address, shared by every copy.
    let counter = ConnectionCounter()

    /// Creates limits.
    /// - Parameters:
    ///   - handshakeTimeout: time from accepting a connection to the end of its TLS handshake.
    ///   - idleTimeout: time without reading or writing before a connection is closed.
    ///   - maximumPerAddress: connections one client address may hold at once.
    public init(handshakeTimeout: TimeAmount = .seconds(10), idleTimeout: TimeAmount = .seconds(60), maximumPerAddress: Int = 256) {
        self.handshakeTimeout = handshakeTimeout
        self.idleTimeout = idleTimeout
        self.maximumPerAddress = maximumPerAddress
    }

    /// The limits of `ciid.conf`'s `[server]` section.
    public init(_ limits: ConnectionLimits) {
        self.init(
            handshakeTimeout: .seconds(Int64(limits.handshakeTimeoutSeconds)),
            idleTimeout: .seconds(Int64(limits.idleTimeoutSeconds)),
            maximumPerAddress: limits.maximumPerAddress
        )
    }

    /// How many connections `address` (such as `127.0.0.1`) holds now.
    public func openConnections(from address: String) -> Int { counter.count(address) }
}
