public import CIICore
import Foundation
public import Sodium

/// A manifest with the coordinator's signature: `{"manifest": base64(JSON), "signature": base64}`.
///
/// The signature covers the exact JSON bytes, so no canonical form is needed.
public struct SignedManifest: Sendable, Codable, Hashable {
    /// The manifest's JSON, base64.
    public var manifest: String
    /// The coordinator's Ed25519 signature of those bytes, base64.
    public var signature: String

    /// Signs `manifest` with the coordinator's key.
    public static func sign(_ manifest: Manifest, with key: SigningKeyPair) throws(FederationError) -> SignedManifest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let bytes = try? encoder.encode(manifest) else { throw FederationError(.malformed, "cannot encode the manifest") }
        return SignedManifest(manifest: bytes.base64EncodedString(), signature: Data(key.sign([UInt8](bytes))).base64EncodedString())
    }

    /// The manifest, once its signature by `coordinatorKey` is verified.
    public func verified(coordinatorKey: [UInt8]) throws(FederationError) -> Manifest {
        guard let bytes = Data(base64Encoded: manifest), let signatureBytes = Data(base64Encoded: signature) else {
            throw FederationError(.malformed, "the signed manifest is not base64")
        }
        guard SigningKeyPair.verify(signature: [UInt8](signatureBytes), message: [UInt8](bytes), publicKey: coordinatorKey) else {
            throw FederationError(.badSignature, "the manifest is not signed by the coordinator")
        }
        guard let decoded = try? JSONDecoder().decode(Manifest.self, from: bytes) else {
            throw FederationError(.malformed, "the manifest's JSON cannot be read")
        }
        return decoded
    }

    /// Reads the JSON form.
    public init(json: [UInt8]) throws(FederationError) {
        guard let value = try? JSONDecoder().decode(SignedManifest.self, from: Data(json)) else {
            throw FederationError(.malformed, "not a signed manifest")
        }
        self = value
    }

    private init(manifest: String, signature: String) {
        self.manifest = manifest
        self.signature = signature
    }

    /// The JSON form.
    public var json: [UInt8] { (try? [UInt8](JSONEncoder().encode(self))) ?? [] }
}

extension Manifest {
    /// The epoch keys sealed to `member`, opened with its box key pair, newest first.
    public func keys(for member: NodeID, box: BoxKeyPair) throws(FederationError) -> [FingerprintKey] {
        var keys: [FingerprintKey] = []
        for entry in epochs {
            guard let sealed = entry.sealed[member.rawValue] else { continue }
            guard let bytes = Data(base64Encoded: sealed), let epoch = Epoch(entry.epoch) else {
                throw FederationError(.malformed, "the key of epoch \(entry.epoch) is not base64")
            }
            do {
                var plain = try box.open([UInt8](bytes))
                defer { Sodium.wipe(&plain) }
                keys.append(try FingerprintKey(epoch: epoch, secret: SecretBytes(plain), width: entry.fingerprintWidth))
            } catch {
                throw FederationError(.cannotOpen, "the key of epoch \(entry.epoch) is not sealed to this node")
            }
        }
        return keys.sorted { $0.epoch > $1.epoch }
    }

    /// The public signing key of `member`, decoded.
    public func signingKey(of member: NodeID) -> [UInt8]? {
        self.member(member).flatMap { Data(base64Encoded: $0.signingKey) }.map { [UInt8]($0) }
    }

    /// The public box key of `member`, decoded.
    public func boxKey(of member: NodeID) -> [UInt8]? {
        self.member(member).flatMap { Data(base64Encoded: $0.boxKey) }.map { [UInt8]($0) }
    }
}
