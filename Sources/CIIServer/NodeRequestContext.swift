public import CIIAccess
import CIIRegistry
public import Hummingbird
public import HummingbirdAuth
public import NIOCore

/// The request context of a node's server: Hummingbird's core context, the client's address, and
/// who is calling once an authenticator recognised a session cookie or an API token.
public struct NodeRequestContext: AuthRequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The connected client's address.
    public let remoteAddress: SocketAddress?
    /// The logged-in person or the integration, if any.
    public var identity: Principal?
    /// The form of a POST to a page, once its anti-forgery token was checked.
    var form: FormData?
    /// The registry account calling the registry API, once ``RegistrySessionMiddleware`` let it through.
    var registryActor: RegistryActor?

    /// Creates the context of a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.identity = nil
        self.form = nil
        self.registryActor = nil
    }

    /// The client's address for the audit log.
    public var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }

    /// Check requests are tiny; refuse large bodies early.
    public var maxUploadSize: Int { 64 * 1024 }

    /// Whether the client connected from the loopback interface.
    public var isLoopback: Bool {
        switch remoteAddress {
        case .v4: remoteAddress?.ipAddress?.hasPrefix("127.") == true
        case .v6: remoteAddress?.ipAddress == "::1" || remoteAddress?.ipAddress?.hasPrefix("::ffff:127.") == true
        case .unixDomainSocket: true
        default: false
        }
    }
}
