/// How a node's HTTPS listeners treat connections, so that clients that connect and never finish
/// (or go quiet) cannot use up the node's open files (the `[server]` section of `ciid.conf`).
public struct ConnectionLimits: Sendable, Hashable {
    /// Seconds a client has, from the moment it connects, to finish the TLS handshake; then the
    /// connection is closed.
    public var handshakeTimeoutSeconds = 10
    /// Seconds a connection may stay silent (nothing read, nothing written) before it is closed.
    public var idleTimeoutSeconds = 60
    /// Connections one client address may hold at once; a connection beyond them is closed as
    /// soon as it is accepted.
    public var maximumPerAddress = 256

    /// The defaults: 10 s, 60 s, 256 connections.
    public init() {}
}
