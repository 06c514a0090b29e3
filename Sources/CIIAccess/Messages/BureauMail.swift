public import CIICore
public import Foundation

/// The e-mails of the coordinator's registry to the bureau CII (`registry.bureau_email`): a case
/// cancelled, and the weekly digest of powers of attorney expired or expiring within 30 days.
/// They name cases by number only: never a name, an AVS number or the sealed reason of a
/// cancellation, which the bureau reads in the registry.
public struct BureauMail: Sendable {
    /// One case of the digest.
    public struct DigestLine: Sendable, Hashable {
        /// The case's number.
        public var caseID: Int64
        /// The expiry of its latest power of attorney.
        public var expiry: Day
        /// Whether that day has passed (otherwise it comes within 30 days).
        public var expired: Bool

        /// Creates a line.
        public init(caseID: Int64, expiry: Day, expired: Bool) {
            self.caseID = caseID
            self.expiry = expiry
            self.expired = expired
        }
    }

    /// How the mail goes (the node's `[mail]` relay).
    public let mailer: any Mailer
    /// The bureau's address.
    public let address: String
    /// The sender (`mail.from`).
    public let from: String
    /// The coordinator's name, as in its other mails.
    public let node: String
    /// The coordinator's address for people (`access.public_url`), for a link; nil without one.
    public let url: String?

    /// Creates the bureau's mail.
    public init(mailer: any Mailer, address: String, from: String, node: String, url: String?) {
        self.mailer = mailer
        self.address = address
        self.from = from
        self.node = node
        self.url = url
    }

    /// Tells the bureau that case `caseID` was cancelled by `by` at `at`.
    /// - Throws: the mailer's error (the cancellation stays: its notice is in the bureau's queue).
    public func sendCancellation(caseID: Int64, by: String, at: Date) async throws {
        try await mailer.send(cancellation(caseID: caseID, by: by, at: at))
    }

    /// Sends the digest of the week of `week` (the slot's day); nothing when `lines` is empty.
    /// - Returns: whether a message went.
    @discardableResult
    public func sendDigest(_ lines: [DigestLine], week: Day) async throws -> Bool {
        guard let message = digest(lines, week: week) else { return false }
        try await mailer.send(message)
        return true
    }
}
