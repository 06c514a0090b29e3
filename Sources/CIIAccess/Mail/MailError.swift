/// A message that could not be sent.
public struct MailError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to check; never a password.
    public let reason: String
    /// libcurl's result code when the transfer failed, -1 when the message or settings were refused before sending.
    public let curlCode: Int

    /// Creates an error.
    public init(_ reason: String, curlCode: Int = -1) {
        self.reason = reason
        self.curlCode = curlCode
    }

    /// `mail: …`.
    public var description: String { "mail: \(reason)" }
}
