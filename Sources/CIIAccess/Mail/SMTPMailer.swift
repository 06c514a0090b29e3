public import Curl
import Dispatch

/// Sends mail through an SMTP relay with libcurl.
///
/// Each message is one blocking transfer, run on a Dispatch queue so that a slow relay never
/// holds a thread of Swift's cooperative pool (the HTTP server needs them).
public struct SMTPMailer: Mailer {
    /// Where and how to send; the password inside is never printed.
    public let settings: SMTPSettings

    /// The threads that run the transfers.
    private static let queue = DispatchQueue(label: "ciid.access.mail", attributes: .concurrent)

    /// Creates a mailer after checking `settings`.
    /// - Throws: ``MailError`` when the settings are unusable (URL, security, sender, …).
    public init(settings: SMTPSettings) throws(MailError) {
        do {
            try settings.validate()
        } catch {
            throw MailError(error.reason)
        }
        self.settings = settings
    }

    /// Sends `message`; a message without `from` gets the settings' sender.
    /// - Throws: ``MailError`` with what went wrong and what to check.
    public func send(_ message: MailMessage) async throws {
        let settings = settings
        let result: Result<Void, CurlError> = await withCheckedContinuation { continuation in
            Self.queue.async {
                continuation.resume(returning: Result { () throws(CurlError) in try Curl.send(message, via: settings) })
            }
        }
        if case .failure(let error) = result { throw MailError(error.reason, curlCode: error.code) }
    }
}
