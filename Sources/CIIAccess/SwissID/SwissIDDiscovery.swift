/// The parts of the provider's discovery document (`/.well-known/openid-configuration`) the login uses.
public struct SwissIDDiscovery: Sendable, Decodable, Equatable {
    /// The issuer: must be the configured one, character for character.
    public let issuer: String
    /// Where the browser is sent to log in.
    public let authorizationEndpoint: String
    /// Where the code is exchanged for the ID token.
    public let tokenEndpoint: String
    /// Where the provider publishes its signing keys.
    public let jwksURI: String

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
    }
}
