import CIIAudit
public import CIIAudit
public import CIICore
import Foundation

extension AccessControl {
    /// Seconds east of UTC of the canton's time now, so that "per day" ends at local midnight.
    func localOffset(_ date: Date) -> Int { Day.switzerlandOffset(at: date) }

    /// Counts a check by `principal` if its limits allow it; a refusal is audited.
    /// - Returns: nil when the check may go ahead, or the limit reached.
    public func admitCheck(_ principal: Principal) -> CheckLimit? {
        let moment = now()
        let (perMinute, perDay) =
            switch principal {
            case .session: (settings.checksPerMinute, settings.checksPerDay)
            case .token: (settings.tokenChecksPerMinute, settings.tokenChecksPerDay)
            }
        let key = principal.auditName
        guard
            let (window, _) = limiter.admit(
                key,
                at: moment.timeIntervalSince1970,
                dayOffset: localOffset(moment),
                perMinute: perMinute,
                perDay: perDay
            )
        else { return nil }
        record(.checkRefused, actor: key, outcome: "limited", [("window", window.rawValue)])
        return CheckLimit(window: window, limit: window == .minute ? perMinute : perDay)
    }

    /// Checks `principal` may still make today.
    public func checksLeftToday(_ principal: Principal) -> Int {
        let moment = now()
        let perDay: Int
        switch principal {
        case .session: perDay = settings.checksPerDay
        case .token: perDay = settings.tokenChecksPerDay
        }
        return limiter.remainingToday(principal.auditName, at: moment.timeIntervalSince1970, dayOffset: localOffset(moment), perDay: perDay)
    }

    /// Writes a check to the audit log (who, when, the fingerprint and the number of matches) and
    /// returns once it is durable: answer the check only then.
    /// - Throws: ``AuditError`` when the audit log cannot take it (queue full, disk refusing
    ///   writes): do not answer the check (503).
    public func recordCheck(_ principal: Principal, fingerprint: Fingerprint, matches: Int) async throws(AuditError) {
        try await recordRead(.check, actor: principal.auditName, [("fingerprint", fingerprint.hex), ("matches", String(matches))])
    }

    /// Writes a read of personal data (a check, a listing of alerts…) to the audit log and returns
    /// once it is durable: answer the read only then. Name people by fingerprint, never by number.
    /// - Throws: ``AuditError`` when the audit log cannot take it: do not answer the read (503).
    public func recordRead(
        _ kind: AuditKind,
        actor: String,
        subject: String? = nil,
        outcome: String = "ok",
        _ details: [(String, String)] = []
    ) async throws(AuditError) {
        try await audit.commit(AuditEvent(time: now(), kind: kind, actor: actor, subject: subject, outcome: outcome, detailList: details))
    }

    /// Writes a refused check (a malformed AVS number) to the audit log, without the number.
    public func recordInvalidCheck(_ principal: Principal, reason: String) {
        record(.check, actor: principal.auditName, outcome: "invalid", [("reason", reason)])
    }
}
