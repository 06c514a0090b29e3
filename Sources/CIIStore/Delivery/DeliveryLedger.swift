import CIICore
import GRDB

/// The publisher's bookkeeping of each peer in `peer_delivery` (one owner: this type): the last
/// sequence sent and acknowledged, the last attempt, success and error, consecutive failures.
enum DeliveryLedger {
    /// Every peer the publisher has tried, by name.
    static func all(_ db: Database) throws -> [PeerDelivery] {
        try Row.fetchAll(
            db,
            sql: "SELECT peer, acknowledged, sent, last_attempt, last_success, last_error, failures FROM peer_delivery ORDER BY peer"
        )
        .map {
            PeerDelivery(
                peer: $0[0],
                acknowledged: $0[1],
                sent: $0[2],
                lastAttempt: $0[3],
                lastSuccess: $0[4],
                lastError: $0[5],
                failures: $0[6]
            )
        }
    }

    /// Records an attempt at `at` (Unix seconds): what was sent; on success the acknowledged
    /// sequence, otherwise the error (and the sequence the peer answered with, if any).
    static func record(_ db: Database, peer: String, sent: Int64?, acknowledged: Int64?, error: String?, at: Int64) throws {
        try db.execute(literal: "INSERT INTO peer_delivery (peer) VALUES (\(peer)) ON CONFLICT (peer) DO NOTHING")
        if let sent { try db.execute(literal: "UPDATE peer_delivery SET sent = max(sent, \(sent)) WHERE peer = \(peer)") }
        if let acknowledged, error == nil {
            try db.execute(
                literal: """
                    UPDATE peer_delivery SET acknowledged = \(acknowledged), last_attempt = \(at), last_success = \(at),
                    last_error = NULL, failures = 0 WHERE peer = \(peer)
                    """
            )
        } else {
            try db.execute(
                literal: """
                    UPDATE peer_delivery SET acknowledged = coalesce(\(acknowledged), acknowledged), last_attempt = \(at),
                    last_error = \(error), failures = failures + 1 WHERE peer = \(peer)
                    """
            )
        }
    }

    /// After a restore: `peer` is taken to hold sequence 1 and nothing sent, so it is resent everything.
    static func resendAll(_ db: Database, peer: String) throws {
        try db.execute(
            literal: """
                INSERT INTO peer_delivery (peer, acknowledged) VALUES (\(peer), 1)
                ON CONFLICT (peer) DO UPDATE SET acknowledged = 1, sent = 0
                """
        )
    }
}
