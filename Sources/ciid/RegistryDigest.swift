import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import CIIStore
import Foundation
import Logging
import ServiceLifecycle

/// The weekly digest of powers of attorney to the bureau (`registry.bureau_email`): the open cases
/// whose power of attorney expired or expires within 30 days, by number and expiry only. On the
/// coordinator `ciid serve` sends it from 07:00 Swiss time on `registry.digest_weekday`; the day
/// of the last slot sent is kept in `DATA/registry/digest-week`, so a restart never sends a week's
/// digest twice and a node that was down at the slot sends it when it starts again. A week with
/// nothing to tell sends nothing (and counts as sent). `ciid registry digest --send` sends one now.
struct RegistryDigest: Service {
    let service: RegistryService
    let mail: BureauMail
    let schedule: DigestSchedule
    let stateFile: String
    let audit: any AuditRecorder
    let logger: Logger
    var now: @Sendable () -> Date = { Date() }
    /// The longest sleep between two looks (a failed send is tried again after it).
    var retry: Duration = .seconds(3600)

    /// `DATA/registry/digest-week`.
    static func stateFile(_ directory: NodeDirectory) -> String { "\(directory.root)/registry/digest-week" }

    /// The actor of the digest's reads in the audit log.
    static let actor = RegistryActor(accountID: "digest", role: .bureau)

    /// Looks now, then at each slot (or after `retry` when a send failed), until shutdown.
    func run() async throws {
        try await cancelWhenGracefulShutdown { await loop() }
    }

    /// The looks, until the task is cancelled.
    func loop() async {
        var first = true
        while !Task.isCancelled {
            await look(first: first)
            first = false
            let untilNext = schedule.nextSlot(after: now()).timeIntervalSince(now())
            try? await Task.sleep(for: min(retry, .seconds(max(1, untilNext))))
        }
    }

    /// Sends the digest of the latest slot unless it was sent; says so in the log at the first look.
    func look(first: Bool) async {
        let slot = schedule.lastSlot(atOrBefore: now())
        if lastSent() == slot {
            if first {
                logger.info("registry digest: the week of \(slot.iso) was already sent; the next goes from \(schedule.nextSlot(after: now()))")
            }
            return
        }
        do {
            let count = try await send(week: slot, actor: Self.actor.accountID)
            try SecureFile.write(Array(slot.iso.utf8), to: stateFile)
            logger.notice("registry digest of the week of \(slot.iso): \(count) case(s)\(count == 0 ? ", nothing sent" : " sent to the bureau")")
        } catch {
            logger.error("registry digest of the week of \(slot.iso) failed, tried again within the hour: \(error)")
        }
    }

    /// Sends the digest of `week` as of today; returns the number of cases (0: nothing sent).
    /// The read is audited (`registry_read`, `what` = `powers_of_attorney_digest`).
    func send(week: Day, actor: String) async throws -> Int {
        let lines = try await Self.lines(service, on: Day(now()))
        audit.record(
            AuditEvent(
                kind: .registryRead,
                actor: actor,
                subject: nil,
                detailList: [("what", "powers_of_attorney_digest"), ("week", week.iso), ("count", String(lines.count))]
            )
        )
        try await mail.sendDigest(lines, week: week)
        return lines.count
    }

    /// The digest's lines on `day`: case numbers and expiries, no names.
    static func lines(_ service: RegistryService, on day: Day) async throws -> [BureauMail.DigestLine] {
        try await service.powersOfAttorney(on: day, by: actor).map {
            BureauMail.DigestLine(caseID: $0.caseID, expiry: $0.expiry, expired: $0.status == .expired)
        }
    }

    /// The day of the last slot sent, if any.
    func lastSent() -> Day? {
        guard let bytes = try? SecureFile.read(stateFile) else { return nil }
        return Day(parsing: String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
