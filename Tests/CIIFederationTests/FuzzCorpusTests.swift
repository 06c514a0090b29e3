import CIITestSupport
import Foundation
import Sodium
import Testing

@testable import CIIFederation

/// The corpora of the batch, manifest, join-request and admission fuzzers, replayed with their checks.
struct FuzzCorpusTests {
    @Test func batchCorpus() throws {
        let inputs = try FuzzCorpus.inputs("FuzzBatch")
        #expect(!inputs.isEmpty)
        for (name, bytes) in inputs {
            if let batch = try? Batch(decoding: bytes) { #expect((try? Batch(decoding: batch.encoded())) != nil, "\(name)") }
        }
    }

    @Test func manifestCorpus() throws {
        let coordinator = SigningKeyPair.generate()
        let inputs = try FuzzCorpus.inputs("FuzzManifest")
        #expect(!inputs.isEmpty)
        for (_, bytes) in inputs {
            if let signed = try? SignedManifest(json: bytes) { _ = try? signed.verified(coordinatorKey: coordinator.publicKey) }
            var signed = try SignedManifest(json: Array(#"{"manifest":"","signature":""}"#.utf8))
            signed.manifest = Data(bytes).base64EncodedString()
            signed.signature = Data(coordinator.sign(bytes)).base64EncodedString()
            _ = try? signed.verified(coordinatorKey: coordinator.publicKey)
        }
    }

    @Test func joinRequestAndAdmissionCorpora() throws {
        let requests = try FuzzCorpus.inputs("FuzzJoinRequest")
        let admissions = try FuzzCorpus.inputs("FuzzAdmission")
        #expect(!requests.isEmpty && !admissions.isEmpty)
        for (_, bytes) in requests { _ = try? JoinRequest(json: bytes, source: "fuzz.json") }
        for (_, bytes) in admissions { _ = try? Admission(json: bytes, source: "fuzz.json") }
    }
}
