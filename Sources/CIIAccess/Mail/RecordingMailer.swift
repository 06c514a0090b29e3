public import Curl
import Synchronization

/// A ``Mailer`` that keeps messages in memory instead of sending them, for tests.
///
/// Each message is rendered first, so a message the SMTP path would refuse (bad address,
/// header injection) is refused here too.
public final class RecordingMailer: Mailer {
    private let state = Mutex<(messages: [MailMessage], failure: MailError?)>(([], nil))
    private let defaultFrom: String

    /// Creates an empty mailer; `defaultFrom` stands for the SMTP sender of messages without `from`.
    public init(defaultFrom: String = "ciid@localhost") {
        self.defaultFrom = defaultFrom
    }

    /// Records `message`, or throws the failure set with ``failSends(with:)``.
    public func send(_ message: MailMessage) async throws {
        do {
            _ = try message.rendered(defaultFrom: defaultFrom)
        } catch {
            throw MailError(error.reason)
        }
        try state.withLock { state in
            if let failure = state.failure { throw failure }
            state.messages.append(message)
        }
    }

    /// The messages sent so far, oldest first.
    public var messages: [MailMessage] { state.withLock { $0.messages } }

    /// The last message sent to `address` (compared without case, display names ignored), if any.
    public func last(to address: String) -> MailMessage? {
        let wanted = Self.bareAddress(address)
        return state.withLock { state in state.messages.last { $0.to.contains { Self.bareAddress($0) == wanted } } }
    }

    /// Makes every later send throw `failure` (a relay that is down), or succeed again with nil.
    public func failSends(with failure: MailError?) {
        state.withLock { $0.failure = failure }
    }

    /// Forgets the messages sent so far.
    public func removeAll() {
        state.withLock { $0.messages.removeAll() }
    }

    /// `a@b.ch` from `Name <A@b.ch>` or ` a@b.ch `, lowercased.
    private static func bareAddress(_ text: String) -> String {
        var address = Substring(text)
        if let open = address.lastIndex(of: "<"), let close = address.lastIndex(of: ">"), open < close {
            address = address[address.index(after: open)..<close]
        }
        return address.split(separator: " ").first.map { $0.lowercased() } ?? ""
    }
}
