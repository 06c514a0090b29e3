/// A plain-text e-mail, rendered as an RFC 5322 message in UTF-8 with quoted-printable body
/// and, when needed, an RFC 2047 encoded subject, so that French, German and Italian text
/// (é, ü, ß, à) arrives intact.
///
/// Addresses are `local@domain` or `Display Name <local@domain>` (the display name may be
/// in any language); line breaks in any header field are refused, so no text taken from a
/// request can inject headers or recipients.
public struct MailMessage: Sendable {
    /// The `From` header; nil uses ``SMTPSettings/from``.
    public var from: String?
    /// The recipients (`To` header and envelope), at least one.
    public var to: [String]
    /// The subject, in any language, on one line.
    public var subject: String
    /// The body; any of LF, CRLF or CR ends a line.
    public var textBody: String
    /// Further header fields, such as `Reply-To` or `Auto-Submitted`, in ASCII. The fields this
    /// type writes itself (`From`, `To`, `Cc`, `Bcc`, `Subject`, `Date`, `Message-ID`, `MIME-Version`,
    /// `Content-*`) are refused here.
    public var headers: [(name: String, value: String)]

    /// Creates a message.
    public init(from: String? = nil, to: [String], subject: String, textBody: String, headers: [(name: String, value: String)] = []) {
        self.from = from
        self.to = to
        self.subject = subject
        self.textBody = textBody
        self.headers = headers
    }
}
