import Foundation
import GRDB
import Sodium

#if canImport(Glibc)
import Glibc
#endif

/// The failure counters behind login delays, in `login_throttle` of `access.sqlite`: one per
/// e-mail typed (a hash of it, whether an account has it or not, so that an unknown address is
/// slowed exactly as a known one) and one per client address.
///
/// A counter moves in one SQL statement (attempts sent at the same time are all counted) and
/// survives a restart. Nothing here refuses a login: ``ThrottleRule`` only says how long to wait.
struct LoginThrottle: Sendable {
    let store: AccessStore
    let accountRule: ThrottleRule
    let addressRule: ThrottleRule

    /// The two counters one attempt moves.
    struct Keys: Sendable {
        /// The e-mail typed, normalised and hashed.
        let account: Data
        /// The client's address (an IPv6 /64), hashed.
        let address: Data

        init(email: String, client: String) {
            account = Self.account(email)
            address = Data(GenericHash.hash(Array("ciid-login-address:\(Self.network(client))".utf8)))
        }

        /// The key of an e-mail: trimmed, NFC, lower case, hashed.
        static func account(_ email: String) -> Data {
            let normal = email.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping.lowercased()
            return Data(GenericHash.hash(Array("ciid-login-account:\(normal)".utf8)))
        }

        /// An IPv4 address as is; an IPv6 address cut to its /64 (one subscriber's network).
        static func network(_ client: String) -> String {
            #if canImport(Glibc)
            var bytes = [UInt8](repeating: 0, count: 16)
            guard client.contains(":"), inet_pton(AF_INET6, client, &bytes) == 1 else { return client }
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
                return bytes[12..<16].map(String.init).joined(separator: ".")  // IPv4-mapped
            }
            return bytes[0..<8].map { String(format: "%02x", $0) }.joined() + "::/64"
            #else
            return client
            #endif
        }
    }

    /// How long an attempt on `keys` waits now: the longer of the account's and the address's delays.
    func delay(for keys: Keys, at moment: Date) throws(AccessError) -> Duration {
        let now = moment.timeIntervalSince1970
        let (account, address) = try store.read { db -> (Int, Int) in
            let rows = try SQLRequest<Row>(
                literal: "SELECT key, failures, last_failure_at FROM login_throttle WHERE key IN (\(keys.account), \(keys.address))"
            ).fetchAll(db)
            var account = 0
            var address = 0
            for row in rows {
                let key: Data = row[0]
                let failures: Int = row[1]
                let last: Double = row[2]
                if key == keys.account, now - last < accountRule.forgetAfter { account = failures }
                if key == keys.address, now - last < addressRule.forgetAfter { address = failures }
            }
            return (account, address)
        }
        return max(accountRule.delay(after: account), addressRule.delay(after: address))
    }

    /// Counts a failure on both keys, each in one statement; returns the new counts.
    @discardableResult
    func countFailure(_ keys: Keys, at moment: Date) throws(AccessError) -> (account: Int, address: Int) {
        let now = moment.timeIntervalSince1970
        let accountStale = now - accountRule.forgetAfter
        let addressStale = now - addressRule.forgetAfter
        return try store.write { db in
            (
                try Self.count(db, key: keys.account, now: now, staleBefore: accountStale),
                try Self.count(db, key: keys.address, now: now, staleBefore: addressStale)
            )
        }
    }

    /// One more failure on `key` (or the first, if the last is older than `staleBefore`).
    static func count(_ db: Database, key: Data, now: Double, staleBefore: Double) throws -> Int {
        try SQLRequest<Int>(
            literal: """
                INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (\(key), 1, \(now))
                ON CONFLICT (key) DO UPDATE SET
                    failures = CASE WHEN last_failure_at < \(staleBefore) THEN 1 ELSE failures + 1 END,
                    last_failure_at = excluded.last_failure_at
                RETURNING failures
                """
        ).fetchOne(db) ?? 1
    }

    /// The failures counted now on the e-mail `email` and on the address `client` (for tests and `ciid user list`).
    func failures(email: String, client: String) throws(AccessError) -> (account: Int, address: Int) {
        let keys = Keys(email: email, client: client)
        return try store.read { db in
            (
                try SQLRequest<Int>(literal: "SELECT failures FROM login_throttle WHERE key = \(keys.account)").fetchOne(db) ?? 0,
                try SQLRequest<Int>(literal: "SELECT failures FROM login_throttle WHERE key = \(keys.address)").fetchOne(db) ?? 0
            )
        }
    }

    /// Deletes counters nobody would read any more.
    static func purge(_ db: Database, now: Double, rules: [ThrottleRule]) throws {
        let oldest = rules.map(\.forgetAfter).max() ?? 86_400
        try db.execute(literal: "DELETE FROM login_throttle WHERE last_failure_at < \(now - oldest)")
    }
}
