import CIIAudit
import CIICore
import Foundation
import GRDB
import Logging
public import ServiceLifecycle

/// The access work that runs on its own: disabling accounts unused for four months, dropping
/// dead sessions, and once a day e-mailing each person how many alerts wait.
public struct AccessMaintenance: Service {
    /// The access rules.
    public let access: AccessControl
    /// The alerts.
    public let inbox: AlertInbox
    /// Time between rounds.
    public var interval: Duration = .seconds(60)
    let logger = Logger(label: "ciid.access.maintenance")

    /// Creates the service.
    public init(access: AccessControl, inbox: AlertInbox, interval: Duration = .seconds(60)) {
        self.access = access
        self.inbox = inbox
        self.interval = interval
    }

    /// Runs a round now and then every ``interval`` until shutdown.
    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await round()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One round: expiry, sessions, and the digest when its hour has come.
    public func round() async {
        do {
            for account in try access.accounts() { _ = try access.expireIfUnused(account) }
            try access.purgeSessions()
            try await sendDigests()
        } catch {
            logger.error("access maintenance failed: \(error)")
        }
    }

    /// Sends today's digest to each active account that wants it and has unread alerts, once a
    /// day, at or after ``AccessSettings/digestHour`` (canton time).
    /// - Returns: how many e-mails were sent.
    @discardableResult
    public func sendDigests() async throws -> Int {
        guard let hour = access.settings.digestHour, let mailer = access.mailer else { return 0 }
        let moment = access.now()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Zurich") ?? .current
        guard calendar.component(.hour, from: moment) >= hour else { return 0 }
        let startOfDay = calendar.startOfDay(for: moment).timeIntervalSince1970
        var sent = 0
        for account in try access.accounts() where account.isActive && account.wantsDigest {
            let last = try access.store.read { db in
                try Double.fetchOne(db, sql: "SELECT digest_sent_at FROM account WHERE id = ?", arguments: [account.id])
            }
            if let last, last >= startOfDay { continue }
            let unread = try inbox.unreadCount(for: account)
            guard unread > 0 else { continue }
            let message = DigestMail.message(count: unread, to: account, from: access.mailFrom, node: access.nodeName, url: access.settings.publicURL)
            do {
                try await mailer.send(message)
                _ = try access.store.updateAccount(account.id, "digest_sent_at = ?", [moment.timeIntervalSince1970])
                access.record(.adminAction, actor: "system", subject: account.auditName, [("action", "digest_sent"), ("alerts", String(unread))])
                sent += 1
            } catch {
                logger.error("the alert digest for \(account.auditName) could not be sent: \(error)")
            }
        }
        return sent
    }
}
