// TEMPORARY until the membership branch lands.
extension NodeConfiguration {
    /// Host of the members-only federation port.
    public var federationListenHost: String { listenHost }
    /// Port of the members-only federation port.
    public var federationListenPort: Int { listenPort + 1 }
}
