import Foundation
import GRDB
import Synchronization

/// The live API tokens in memory, by hash, so that checking a bearer token costs a hash and a
/// dictionary lookup. Reloaded after a change made by this process and every few seconds
/// (a token revoked from the CLI stops working within that time).
final class TokenCache: Sendable {
    let store: AccessStore
    private let state = Mutex<(tokens: [TokenDigest: APIToken], loadedAt: ContinuousClock.Instant?)>(([:], nil))
    static let refresh = Duration.seconds(3)

    init(store: AccessStore) { self.store = store }

    func token(digest: TokenDigest) throws(AccessError) -> APIToken? {
        let clock = ContinuousClock.now
        // When the cache is stale, the first caller reloads it and the others keep the old map
        // meanwhile: under load, one database read every few seconds, not one per request.
        let (cached, mustReload) = state.withLock { state -> (APIToken?, Bool) in
            guard let loaded = state.loadedAt else { return (nil, true) }
            if clock - loaded < Self.refresh { return (state.tokens[digest], false) }
            state.loadedAt = clock
            return (nil, true)
        }
        return mustReload ? try reload()[digest] : cached
    }

    @discardableResult
    func reload() throws(AccessError) -> [TokenDigest: APIToken] {
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, scope, created_at, created_by, token_hash FROM api_token WHERE revoked_at IS NULL").map(
                StoredRow.init
            )
        }
        var tokens: [TokenDigest: APIToken] = [:]
        for row in rows {
            guard let scope = APIToken.Scope(rawValue: row[2]) else { continue }
            let token = APIToken(
                id: row[0],
                name: row[1],
                scope: scope,
                createdAt: Date(timeIntervalSince1970: row[3]),
                createdBy: row[4],
                revokedAt: nil
            )
            guard let digest = TokenDigest(stored: row[5] as Data) else { continue }
            tokens[digest] = token
        }
        let now = ContinuousClock.now
        state.withLock { $0 = (tokens, now) }
        return tokens
    }
}
