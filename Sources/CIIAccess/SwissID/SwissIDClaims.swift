public import JWTKit

/// The claims of a SwissID ID token that the login reads: who (`sub`), issued by whom for whom
/// (`iss`, `aud`, `azp`), until when (`exp`), for which login (`nonce`), and every other claim whose
/// value is a text or a list of texts (among them the assurance level, whose name is configured).
///
/// ``verify(using:)`` does nothing: the claims are checked by ``SwissIDClient`` against the
/// configured issuer, client, assurance levels, the login's nonce and its clock, after JWTKit has
/// checked the signature.
public struct SwissIDClaims: JWTPayload, Equatable {
    /// The subject: SwissID's stable identifier of the person for this client.
    public var subject: String
    /// The issuer.
    public var issuer: String
    /// The audiences.
    public var audience: [String]
    /// The authorized party, when present.
    public var authorizedParty: String?
    /// The expiry, in seconds since 1970.
    public var expiry: Double
    /// The nonce, when present.
    public var nonce: String?
    /// Every other claim holding a text or a list of texts, by name.
    public var texts: [String: [String]]

    /// Claims as given.
    public init(
        subject: String,
        issuer: String,
        audience: [String],
        authorizedParty: String? = nil,
        expiry: Double,
        nonce: String?,
        texts: [String: [String]] = [:]
    ) {
        self.subject = subject
        self.issuer = issuer
        self.audience = audience
        self.authorizedParty = authorizedParty
        self.expiry = expiry
        self.nonce = nonce
        self.texts = texts
    }

    /// Any claim name.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads the claims; `sub`, `iss`, `aud` and `exp` are required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        subject = try container.decode(String.self, forKey: Key(stringValue: "sub"))
        issuer = try container.decode(String.self, forKey: Key(stringValue: "iss"))
        let audienceKey = Key(stringValue: "aud")
        if let one = try? container.decode(String.self, forKey: audienceKey) {
            audience = [one]
        } else {
            audience = try container.decode([String].self, forKey: audienceKey)
        }
        authorizedParty = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "azp"))
        expiry = try container.decode(Double.self, forKey: Key(stringValue: "exp"))
        nonce = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "nonce"))
        var texts: [String: [String]] = [:]
        for key in container.allKeys where !["sub", "iss", "aud", "azp", "exp", "nonce"].contains(key.stringValue) {
            if let one = try? container.decode(String.self, forKey: key) {
                texts[key.stringValue] = [one]
            } else if let many = try? container.decode([String].self, forKey: key) {
                texts[key.stringValue] = many
            }
        }
        self.texts = texts
    }

    /// Writes the claims back (for signing in tests).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, values) in texts {
            if values.count == 1 {
                try container.encode(values[0], forKey: Key(stringValue: name))
            } else {
                try container.encode(values, forKey: Key(stringValue: name))
            }
        }
        try container.encode(subject, forKey: Key(stringValue: "sub"))
        try container.encode(issuer, forKey: Key(stringValue: "iss"))
        try container.encode(audience, forKey: Key(stringValue: "aud"))
        try container.encodeIfPresent(authorizedParty, forKey: Key(stringValue: "azp"))
        try container.encode(expiry, forKey: Key(stringValue: "exp"))
        try container.encodeIfPresent(nonce, forKey: Key(stringValue: "nonce"))
    }

    /// Nothing: see the type's documentation.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
