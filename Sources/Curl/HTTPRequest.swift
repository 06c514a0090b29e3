/// An outbound HTTP(S) request made with libcurl.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, …
    public var method: String
    /// The full URL.
    public var url: String
    /// Header lines as name and value.
    public var headers: [(String, String)]
    /// The body, if any.
    public var body: [UInt8]
    /// A PEM file of the CAs to trust (the federation CA, or a member's own CA): the server's
    /// certificate must chain to one of them, and to nothing else, so libcurl's built-in CA folder
    /// and any native store are not consulted.
    ///
    /// `nil` trusts the system's store (`/etc/ssl/certs`): for SMTP relays and, later, an OpenID
    /// provider, never for federation requests.
    public var caFile: String?
    /// A client certificate and key (PEM) for mutual TLS.
    public var clientCertificate: (certificate: String, key: String)?
    /// Gives up after this many seconds.
    public var timeoutSeconds: Int
    /// Refuses a response body larger than this.
    public var maximumResponseBytes: Int

    /// Creates a request.
    public init(
        method: String = "GET",
        url: String,
        headers: [(String, String)] = [],
        body: [UInt8] = [],
        caFile: String? = nil,
        clientCertificate: (certificate: String, key: String)? = nil,
        timeoutSeconds: Int = 30,
        maximumResponseBytes: Int = 64 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.caFile = caFile
        self.clientCertificate = clientCertificate
        self.timeoutSeconds = timeoutSeconds
        self.maximumResponseBytes = maximumResponseBytes
    }
}

/// The answer to an ``HTTPRequest``.
public struct HTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The body.
    public var body: [UInt8]
    /// How many new connections the transfer opened (`CURLINFO_NUM_CONNECTS`): 0 when it reused one
    /// of its ``CurlSession``'s.
    public var newConnections: Int = 0
    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}
