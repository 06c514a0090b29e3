/// Who may read `GET /metrics`: the `[metrics]` section of `ciid.conf`.
public struct MetricsSettings: Sendable, Hashable {
    /// Client addresses served without a token (`metrics.allow`); by default loopback only.
    public var allow: [AddressRange] = AddressRange.loopback
    /// A file holding the bearer token that opens `/metrics` from any address
    /// (`metrics.token_file`, relative to the data folder unless absolute); nil: no token.
    public var tokenFile: String?

    /// The defaults: loopback, no token.
    public init() {}
}
