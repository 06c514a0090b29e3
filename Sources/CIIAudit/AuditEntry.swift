import Foundation
import Sodium

/// One line of the log: an event (cleaned by ``AuditRedaction``) with its place in the chain.
///
/// ```
/// {"seq":7,"time":"2026-11-23T10:00:00.123Z","kind":"check","actor":"account:12","subject":null,
///  "outcome":"ok","details":{"fingerprint":"…","matches":"2"},"prev":"<64 hex>","mac":"<64 hex>"}
/// ```
///
/// Keys come in this order, values are JSON strings, the line has no spaces and ends with `\n`.
/// `mac` is keyed BLAKE2b-256 (the audit key) over the bytes of the line before `,"mac":`;
/// `prev` is the `mac` of the entry before (zeros for the first entry of the log).
struct AuditEntry: Sendable {
    /// 1, 2, 3… across all the monthly files.
    var seq: Int64
    /// Milliseconds since 1970, UTC.
    var time: Int64
    var kind: String
    var actor: String
    var subject: String?
    var outcome: String
    var details: [(key: String, value: String)]
    /// The previous entry's MAC (32 bytes).
    var prev: [UInt8]
    /// This entry's MAC (32 bytes); empty until computed.
    var mac: [UInt8] = []

    /// The `prev` of the very first entry.
    static let genesis = [UInt8](repeating: 0, count: 32)

    /// The entry for `event`, cleaned of anything shaped like a secret.
    init(seq: Int64, event: AuditEvent, prev: [UInt8]) {
        self.seq = seq
        time = AuditTime.milliseconds(event.time)
        kind = AuditRedaction.clean(event.kind.rawValue)
        actor = AuditRedaction.clean(event.actor)
        subject = event.subject.map(AuditRedaction.clean)
        outcome = AuditRedaction.clean(event.outcome)
        details = event.details.map { detail in
            let key = AuditRedaction.clean(detail.key)
            return (key, AuditRedaction.isSecret(key: key) ? AuditRedaction.removed : AuditRedaction.clean(detail.value))
        }
        self.prev = prev
    }

    /// An entry as read back.
    init(
        seq: Int64,
        time: Int64,
        kind: String,
        actor: String,
        subject: String?,
        outcome: String,
        details: [(key: String, value: String)],
        prev: [UInt8],
        mac: [UInt8]
    ) {
        self.seq = seq
        self.time = time
        self.kind = kind
        self.actor = actor
        self.subject = subject
        self.outcome = outcome
        self.details = details
        self.prev = prev
        self.mac = mac
    }

    /// The event this entry records (times to the millisecond).
    var event: AuditEvent {
        AuditEvent(
            time: AuditTime.date(time),
            kind: AuditKind(rawValue: kind),
            actor: actor,
            subject: subject,
            outcome: outcome,
            detailList: details.map { ($0.key, $0.value) }
        )
    }

    /// Keyed BLAKE2b-256 of `body` under `key`.
    static func mac(of body: [UInt8], key: SecretBytes) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        body.withUnsafeBytes { input in
            key.withUnsafeBytes { key in
                out.withUnsafeMutableBytes { GenericHash.hash(input, key: key, into: $0) }
            }
        }
        return out
    }
}
