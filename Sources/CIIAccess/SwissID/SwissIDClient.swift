public import CIICore
import Curl
public import Foundation
import JWTKit
import Sodium

/// The coordinator's side of SwissID (OpenID Connect, authorization code flow with PKCE): the
/// address that sends a browser to the provider, and the exchange of the code it brings back for a
/// checked identity.
///
/// The discovery document and the keys are fetched over TLS (the system's CAs, or
/// ``SwissIDSettings/caFile`` for tests and private PKI) with libcurl. The ID token's signature is
/// checked by JWTKit against the provider's published keys; an ID token naming a key not yet known
/// makes the client fetch the keys again (the provider rotated them), at most once per
/// ``keyRefetchInterval``; a key the provider no longer publishes is forgotten. Then `iss`, `aud`
/// (and `azp`), `exp`, `nonce` and the assurance level are checked.
public actor SwissIDClient {
    /// The `[swissid]` settings.
    public let settings: SwissIDSettings
    /// The client secret (from ``SwissIDSettings/clientSecretFile``); never logged.
    let secret: String
    /// The clock.
    let now: @Sendable () -> Date
    /// The least time between two fetches of the keys caused by an unknown key id.
    public let keyRefetchInterval: TimeInterval
    /// Seconds an ID token may be past its `exp` (clock differences).
    public let leeway: TimeInterval = 30
    /// The signing algorithms accepted (never `none` nor an HMAC with the client secret).
    static let algorithms: Set<String> = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"]

    var discovery: SwissIDDiscovery?
    var keys = JWTKeyCollection()
    var keyIDs: Set<String> = []
    var keysFetchedAt: Date?
    /// How many times the keys were fetched (for tests and the log).
    public private(set) var keyFetches = 0

    /// A client for `settings`.
    /// - Parameters:
    ///   - settings: the `[swissid]` section.
    ///   - secret: the client secret.
    ///   - keyRefetchInterval: the least time between two fetches of the keys caused by an unknown key (60 s).
    ///   - now: the clock.
    public init(settings: SwissIDSettings, secret: String, keyRefetchInterval: TimeInterval = 60, now: @escaping @Sendable () -> Date = Date.init) {
        self.settings = settings
        self.secret = secret
        self.keyRefetchInterval = keyRefetchInterval
        self.now = now
    }

    /// Where to send the browser: the provider's authorization endpoint with the client, the
    /// redirect address, `openid` scope, the assurance level asked for, `state`, `nonce` and the
    /// PKCE challenge (S256) of `verifier`.
    public func authorizationURL(state: String, nonce: String, verifier: String) async throws(SwissIDError) -> String {
        let endpoint = try await document().authorizationEndpoint
        var parameters = [
            ("response_type", "code"), ("client_id", settings.clientID), ("redirect_uri", settings.redirectURL),
            ("scope", "openid"), ("state", state), ("nonce", nonce),
            ("code_challenge", Self.challenge(verifier)), ("code_challenge_method", "S256"),
        ]
        if let level = settings.assuranceLevels.first { parameters.append(("acr_values", level)) }
        return endpoint + (endpoint.contains("?") ? "&" : "?") + Self.formEncoded(parameters)
    }

    /// Exchanges `code` (with the PKCE `verifier`) at the token endpoint and checks the ID token.
    /// - Throws: ``SwissIDError`` saying which step or check failed.
    public func identity(code: String, verifier: String, nonce: String) async throws(SwissIDError) -> SwissIDIdentity {
        let endpoint = try await document().tokenEndpoint
        var form = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", settings.redirectURL), ("code_verifier", verifier)]
        var headers = [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")]
        switch settings.tokenAuthentication {
        case .basic:
            let pair = "\(Self.formComponent(settings.clientID)):\(Self.formComponent(secret))"
            headers.append(("Authorization", "Basic \(Data(pair.utf8).base64EncodedString())"))
        case .post:
            form += [("client_id", settings.clientID), ("client_secret", secret)]
        }
        let response = try await fetch(
            HTTPRequest(method: "POST", url: endpoint, headers: headers, body: Array(Self.formEncoded(form).utf8)),
            .tokenExchange
        )
        guard response.status == 200 else {
            let error = (try? JSONDecoder().decode([String: String].self, from: Data(response.body)))?["error"] ?? "no error code"
            throw SwissIDError(
                (400..<500).contains(response.status) ? .codeRefused : .tokenExchange,
                "the token endpoint answered \(response.status) (\(Self.printable(error)))"
            )
        }
        guard let token = (try? JSONDecoder().decode(TokenAnswer.self, from: Data(response.body)))?.idToken else {
            throw SwissIDError(.tokenExchange, "the token endpoint's answer holds no id_token")
        }
        return try await check(idToken: token, nonce: nonce)
    }

    /// The token endpoint's answer: only the ID token is used.
    struct TokenAnswer: Decodable {
        let idToken: String
        enum CodingKeys: String, CodingKey { case idToken = "id_token" }
    }

    /// Checks an ID token: a known key (fetched again once if unknown), its signature, then the claims.
    public func check(idToken token: String, nonce: String) async throws(SwissIDError) -> SwissIDIdentity {
        let header = try Self.header(of: token)
        if !keyIDs.contains(header.kid) {
            if let fetched = keysFetchedAt, now().timeIntervalSince(fetched) < keyRefetchInterval {
                throw SwissIDError(
                    .unknownKey,
                    "the ID token names key \(Self.printable(header.kid)), which the provider did not publish (keys fetched again less than \(Int(keyRefetchInterval)) s ago)"
                )
            }
            try await fetchKeys()
            guard keyIDs.contains(header.kid) else {
                throw SwissIDError(.unknownKey, "the ID token names key \(Self.printable(header.kid)), which the provider does not publish")
            }
        }
        let claims: SwissIDClaims
        do {
            claims = try await keys.verify(token, as: SwissIDClaims.self)
        } catch {
            throw SwissIDError(.signature, "the ID token's signature does not verify with key \(Self.printable(header.kid))")
        }
        return try checkClaims(claims, nonce: nonce)
    }

    /// The checks of the claims, in the order a refusal names them.
    func checkClaims(_ claims: SwissIDClaims, nonce: String) throws(SwissIDError) -> SwissIDIdentity {
        guard claims.issuer == settings.issuer else {
            throw SwissIDError(.issuer, "the ID token was issued by \(Self.printable(claims.issuer)), not \(settings.issuer)")
        }
        guard claims.audience.contains(settings.clientID), claims.audience.count == 1 || claims.authorizedParty == settings.clientID else {
            throw SwissIDError(
                .audience,
                "the ID token was issued for \(claims.audience.map(Self.printable).joined(separator: ", ")), not \(settings.clientID)"
            )
        }
        guard Double(now().timeIntervalSince1970) <= claims.expiry + leeway else {
            throw SwissIDError(.expired, "the ID token expired at \(Int(claims.expiry)) (seconds since 1970)")
        }
        guard let presented = claims.nonce, Sodium.constantTimeEqual(Array(presented.utf8), Array(nonce.utf8)) else {
            throw SwissIDError(.nonce, "the ID token's nonce is not this login's")
        }
        let stated = claims.texts[settings.assuranceClaim] ?? []
        guard let level = stated.first(where: { settings.assuranceLevels.contains($0) }) else {
            throw SwissIDError(
                .assurance,
                "the ID token's \(settings.assuranceClaim) is \(stated.isEmpty ? "missing" : stated.map(Self.printable).joined(separator: " ")), not one of \(settings.assuranceLevels.joined(separator: " "))"
            )
        }
        return SwissIDIdentity(subject: claims.subject, level: level)
    }

    /// The discovery document, fetched once; its issuer must be the configured one.
    func document() async throws(SwissIDError) -> SwissIDDiscovery {
        if let discovery { return discovery }
        let base = settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer
        let response = try await fetch(
            HTTPRequest(url: base + "/.well-known/openid-configuration", headers: [("Accept", "application/json")]),
            .discovery
        )
        guard response.status == 200, let found = try? JSONDecoder().decode(SwissIDDiscovery.self, from: Data(response.body)) else {
            throw SwissIDError(.discovery, "the provider's discovery document could not be read (HTTP \(response.status))")
        }
        guard found.issuer == settings.issuer else {
            throw SwissIDError(.discovery, "the discovery document names the issuer \(Self.printable(found.issuer)), not \(settings.issuer)")
        }
        for endpoint in [found.authorizationEndpoint, found.tokenEndpoint, found.jwksURI] where !endpoint.hasPrefix("https://") {
            throw SwissIDError(.discovery, "the discovery document names an endpoint that is not https://: \(Self.printable(endpoint))")
        }
        discovery = found
        return found
    }

    /// Fetches the provider's keys and replaces the known ones with them.
    func fetchKeys() async throws(SwissIDError) {
        let uri = try await document().jwksURI
        keysFetchedAt = now()
        keyFetches += 1
        let response = try await fetch(HTTPRequest(url: uri, headers: [("Accept", "application/json")]), .keys)
        guard response.status == 200 else { throw SwissIDError(.keys, "the provider's keys could not be fetched (HTTP \(response.status))") }
        let collection = JWTKeyCollection()
        let ids: [String]
        do {
            let set = try JSONDecoder().decode(JWKS.self, from: Data(response.body))
            ids = set.keys.compactMap { $0.keyIdentifier?.string }
            try await collection.add(jwks: set)
        } catch {
            throw SwissIDError(.keys, "the provider's keys could not be read: \(error)")
        }
        keys = collection
        keyIDs = Set(ids)
    }

    /// Performs `request` with the configured trust, bounded in time and size.
    func fetch(_ request: HTTPRequest, _ code: SwissIDError.Code) async throws(SwissIDError) -> HTTPResponse {
        var request = request
        request.caFile = settings.caFile
        request.timeoutSeconds = 15
        request.maximumResponseBytes = 1 << 20
        do {
            return try await SwissIDTransfer.perform(request)
        } catch {
            throw SwissIDError(code, "the provider could not be reached: \(error)")
        }
    }
}
