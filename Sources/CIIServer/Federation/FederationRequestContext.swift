public import CIICore
public import Hummingbird
public import NIOCore

/// The request context of the members-only federation port: the connection (for the client
/// certificate), and, once ``MemberAuthenticator`` has checked it, the calling member and the
/// body it signed.
public struct FederationRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The connection, whose TLS handler holds the client's certificate.
    public let channel: any Channel
    /// The member that signed the request, once authenticated.
    public var caller: NodeID?
    /// The request body the caller signed (read once, bounded, by the authenticator).
    public var body: [UInt8] = []

    /// Creates the context of a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
        self.caller = nil
    }

    /// The largest body accepted: a full batch of 5000 changes is about 185 KiB.
    public var maxUploadSize: Int { 1 << 20 }
}
