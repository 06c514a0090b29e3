/// How to reach the SMTP server that relays the node's mail (second-factor codes, notices).
///
/// The password is never printed: ``description``, `debugDescription` and the mirror that
/// `dump` uses all hide it, and no ``CurlError`` of ``Curl/send(_:via:)`` contains it.
public struct SMTPSettings: Sendable {
    /// How the connection is protected.
    public enum Security: String, Sendable, CaseIterable {
        /// Plain SMTP, no TLS: only allowed towards a loopback host (`localhost`, `127.x.x.x`, `[::1]`).
        case none
        /// `smtp://` upgraded with STARTTLS, which is required: a server that does not offer it is refused.
        case startTLS = "starttls"
        /// `smtps://`: TLS from the first byte (usually port 465).
        case implicitTLS = "tls"
    }

    /// `smtp://host:port` (``Security/none`` and ``Security/startTLS``) or `smtps://host:port` (``Security/implicitTLS``).
    public var url: String
    /// How the connection is protected.
    public var security: Security
    /// The user name for SMTP AUTH, if the server wants one.
    public var username: String?
    /// The password for SMTP AUTH; never printed.
    public var password: String?
    /// A PEM file of the CAs to trust instead of the system's, for a server with a private CA.
    public var caFile: String?
    /// The envelope sender (`MAIL FROM`), and the `From` header of messages that name none:
    /// `noreply@cii.example.ch` or `CII Valais <noreply@cii.example.ch>`.
    public var from: String
    /// The name to greet the server with (`EHLO`); libcurl's default when nil.
    public var heloDomain: String?
    /// Gives up on a message after this many seconds, connection included.
    public var timeoutSeconds: Int

    /// Creates settings; ``validate()`` (called by every send) checks them.
    public init(
        url: String,
        security: Security,
        username: String? = nil,
        password: String? = nil,
        caFile: String? = nil,
        from: String,
        heloDomain: String? = nil,
        timeoutSeconds: Int = 30
    ) {
        self.url = url
        self.security = security
        self.username = username
        self.password = password
        self.caFile = caFile
        self.from = from
        self.heloDomain = heloDomain
        self.timeoutSeconds = timeoutSeconds
    }
}
