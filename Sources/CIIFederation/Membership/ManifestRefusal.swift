import CIIStore
import Foundation

/// The last manifest a node refused, and why: kept in `federation/manifest-refusal.json` until
/// the node accepts a newer manifest, shown by `ciid status`, counted by
/// `ciid_federation_manifest_refusals_total{reason}`.
public struct ManifestRefusal: Sendable, Codable, Hashable {
    /// Why a manifest was refused.
    public enum Reason: String, Sendable, Codable, CaseIterable {
        /// Its version is below the one the node holds (an old manifest served again, or a
        /// coordinator restored without this release's time-based versions).
        case older
        /// Same version as the one the node holds, but different contents.
        case sameVersion
        /// Its signature does not verify with the coordinator key installed by `ciid join`.
        case badSignature
        /// Not a signed manifest at all.
        case malformed
        /// Signed by the coordinator's key, but naming another coordinator.
        case wrongCoordinator
        /// The epoch keys it seals to this node cannot be opened with this node's key.
        case cannotOpen
    }

    /// Why.
    public var reason: Reason
    /// The refused manifest's version, when it could be read.
    public var version: Int64?
    /// The version the node held then.
    public var heldVersion: Int64?
    /// What was wrong, in words (no key material).
    public var detail: String
    /// When this refusal was first seen, Unix seconds.
    public var at: Int64

    /// Creates a record.
    public init(reason: Reason, version: Int64?, heldVersion: Int64?, detail: String, at: Int64) {
        self.reason = reason
        self.version = version
        self.heldVersion = heldVersion
        self.detail = detail
        self.at = at
    }

    /// The record at `path`, if any.
    static func load(_ path: String) -> ManifestRefusal? {
        (try? SecureFile.read(path)).flatMap { try? JSONDecoder().decode(ManifestRefusal.self, from: Data($0)) }
    }

    /// Writes the record to `path` (0644: it holds nothing secret).
    func save(_ path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try SecureFile.write([UInt8](try encoder.encode(self)), to: path, mode: 0o644)
    }
}
