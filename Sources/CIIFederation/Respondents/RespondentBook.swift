public import CIICore
public import CIIStore
import Foundation
import Synchronization

/// A member's copy of the coordinator's respondent directory, kept in
/// `DATA/federation/respondents.json` and in memory, for the check answers to name whom to
/// contact. Only a directory signed by the coordinator the node joined, and newer than the one
/// held, is accepted.
public final class RespondentBook: Sendable {
    /// The file of the signed directory.
    public let path: String
    /// The coordinator's Ed25519 public key (the node's trust anchor).
    let coordinatorKey: [UInt8]
    /// The coordinator the node joined.
    let coordinator: NodeID
    private let current = Mutex<RespondentDirectory?>(nil)

    /// `DATA/federation/respondents.json` of a node.
    public static func path(of node: NodeDirectory) -> String { "\(node.federation)/respondents.json" }

    /// The book of a node trusting `anchor`, with the directory its file holds if it verifies.
    public init(path: String, anchor: Admission.Anchor) {
        self.path = path
        self.coordinatorKey = anchor.signingKeyBytes
        self.coordinator = anchor.id
        if let bytes = try? SecureFile.read(path), let signed = try? SignedRespondentDirectory(json: bytes),
            let directory = try? signed.verified(coordinatorKey: coordinatorKey), directory.coordinator == anchor.id
        {
            current.withLock { $0 = directory }
        }
    }

    /// The book of a node that has joined (nil before it joins).
    public static func load(directory: NodeDirectory) -> RespondentBook? {
        guard let bytes = try? SecureFile.read("\(directory.federation)/anchor.json"),
            let anchor = try? JSONDecoder().decode(Admission.Anchor.self, from: Data(bytes))
        else { return nil }
        return RespondentBook(path: path(of: directory), anchor: anchor)
    }

    /// The directory held, if any.
    public var directory: RespondentDirectory? { current.withLock { $0 } }

    /// Accepts the signed directory in `json` when the coordinator signed it and it is newer than
    /// the one held; writes it to ``path``.
    /// - Returns: true when it is now the one held.
    /// - Throws: ``FederationError`` `malformed` or `badSignature` (nothing changes).
    @discardableResult
    public func accept(json: [UInt8]) throws -> Bool {
        let signed = try SignedRespondentDirectory(json: json)
        let directory = try signed.verified(coordinatorKey: coordinatorKey)
        guard directory.coordinator == coordinator else {
            throw FederationError(
                .malformed,
                "the respondent directory names \(directory.coordinator), not the coordinator \(coordinator) this node joined"
            )
        }
        if let held = self.directory, held.version >= directory.version { return false }
        try SecureFile.write(signed.json, to: path, mode: 0o644)
        current.withLock { $0 = directory }
        return true
    }
}
