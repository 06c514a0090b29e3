import CIICore
import Curl
import Synchronization

/// The ``CurlSession`` of each peer (see ``FederationState/session(for:)``): created on first use,
/// dropped when a newer manifest no longer lists the peer or changes its entry (endpoint, keys, CA).
final class PeerSessions: Sendable {
    private struct Entry {
        let session: CurlSession
        /// The peer's entry in the manifest the session was created under, if it was listed.
        let member: Manifest.Member?
    }

    private struct State {
        var manifestVersion: Int64?
        var entries: [NodeID: Entry] = [:]
    }

    private let state = Mutex(State())

    /// The session of `peer`, creating it if there is none; first drops the sessions that
    /// `manifest` (the current one) no longer vouches for, when it is newer than the last seen.
    func session(for peer: NodeID, in manifest: Manifest?) -> CurlSession {
        state.withLock { state in
            if let manifest, manifest.version != state.manifestVersion {
                state.entries = state.entries.filter { id, entry in
                    entry.member != nil && manifest.member(id) == entry.member
                }
                state.manifestVersion = manifest.version
            }
            if let entry = state.entries[peer] { return entry.session }
            let entry = Entry(session: CurlSession(), member: manifest?.member(peer))
            state.entries[peer] = entry
            return entry.session
        }
    }
}
