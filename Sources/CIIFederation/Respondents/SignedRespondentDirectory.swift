public import CIICore
import Foundation
public import Sodium

/// A respondent directory with the coordinator's signature: `{"directory": base64(JSON),
/// "signature": base64}`, the form the coordinator serves and members keep.
///
/// The signed message is `ciid-respondents-v1\n` followed by the JSON bytes: the prefix keeps a
/// signature of the directory from ever passing for one of a manifest, and the other way round,
/// though the coordinator signs both with the same key.
public struct SignedRespondentDirectory: Sendable, Codable, Hashable {
    /// The directory's JSON, base64.
    public var directory: String
    /// The coordinator's Ed25519 signature of the prefixed bytes, base64.
    public var signature: String

    static let context = Array("ciid-respondents-v1\n".utf8)

    /// Signs `directory` with the coordinator's key.
    public static func sign(_ directory: RespondentDirectory, with key: SigningKeyPair) throws(FederationError) -> SignedRespondentDirectory {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let bytes = try? encoder.encode(directory) else { throw FederationError(.malformed, "cannot encode the respondent directory") }
        return SignedRespondentDirectory(
            directory: bytes.base64EncodedString(),
            signature: Data(key.sign(context + [UInt8](bytes))).base64EncodedString()
        )
    }

    /// The directory, once its signature by `coordinatorKey` is verified.
    /// - Throws: ``FederationError`` `badSignature` or `malformed`.
    public func verified(coordinatorKey: [UInt8]) throws(FederationError) -> RespondentDirectory {
        guard let bytes = Data(base64Encoded: directory), let signatureBytes = Data(base64Encoded: signature) else {
            throw FederationError(.malformed, "the signed respondent directory is not base64")
        }
        guard SigningKeyPair.verify(signature: [UInt8](signatureBytes), message: Self.context + [UInt8](bytes), publicKey: coordinatorKey) else {
            throw FederationError(.badSignature, "the respondent directory is not signed by the coordinator")
        }
        guard let decoded = try? JSONDecoder().decode(RespondentDirectory.self, from: bytes) else {
            throw FederationError(.malformed, "the respondent directory's JSON cannot be read")
        }
        return decoded
    }

    /// Reads the JSON form.
    public init(json: [UInt8]) throws(FederationError) {
        guard let value = try? JSONDecoder().decode(SignedRespondentDirectory.self, from: Data(json)) else {
            throw FederationError(.malformed, "not a signed respondent directory")
        }
        self = value
    }

    /// Wraps an already signed directory (for tests that forge one).
    public init(directory: String, signature: String) {
        self.directory = directory
        self.signature = signature
    }

    /// The JSON form.
    public var json: [UInt8] { (try? [UInt8](JSONEncoder().encode(self))) ?? [] }
}
