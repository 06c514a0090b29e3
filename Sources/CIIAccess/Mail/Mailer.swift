public import Curl

/// Something that delivers e-mail: ``SMTPMailer`` in production, ``RecordingMailer`` in tests.
public protocol Mailer: Sendable {
    /// Delivers `message`, or throws (usually a ``MailError``) when it could not be handed over.
    func send(_ message: MailMessage) async throws
}
