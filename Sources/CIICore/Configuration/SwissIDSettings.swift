/// How external coordinators log in with SwissID (OpenID Connect): the `[swissid]` section of
/// `ciid.conf`, coordinator only. Absent (nil in ``NodeConfiguration/swissID``) when `issuer` is unset.
public struct SwissIDSettings: Sendable, Hashable {
    /// How the client authenticates at the token endpoint.
    public enum TokenAuthentication: String, Sendable, Hashable, CaseIterable {
        /// HTTP Basic with the client id and secret (`client_secret_basic`, the default of OpenID Connect).
        case basic = "client_secret_basic"
        /// The client id and secret in the form body (`client_secret_post`).
        case post = "client_secret_post"
    }

    /// The issuer, `https://…` exactly as the provider's discovery document and ID tokens name it.
    public var issuer: String
    /// The client id SwissID gave the coordinator.
    public var clientID: String = ""
    /// A file (mode 0600) holding the client secret, relative to the data folder unless absolute.
    public var clientSecretFile: String = ""
    /// The address SwissID sends the browser back to: `https://<public address>/login/swissid/callback`.
    public var redirectURL: String = ""
    /// The ID-token claim that states the assurance level (`acr` by default).
    public var assuranceClaim = "acr"
    /// The values of that claim accepted as a verified identity; the first is asked for (`acr_values`).
    public var assuranceLevels: [String] = []
    /// How the client authenticates at the token endpoint.
    public var tokenAuthentication = TokenAuthentication.basic
    /// A CA bundle (PEM) the provider's certificate must chain to instead of the system's CAs
    /// (`swissid.provider_ca_file`): for tests and private PKI only; SwissID itself is reached with the system's CAs.
    public var caFile: String?

    /// Settings for the provider `issuer`; the other fields keep their defaults.
    public init(issuer: String) {
        self.issuer = issuer
    }
}
