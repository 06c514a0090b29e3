import CIICore
import CIIFederation
import Foundation
import Sodium
import Testing

@Suite struct RequestSignatureTests {
    let orp = try! NodeID("orp-vs")
    let key = SigningKeyPair.generate()
    let now = Date(timeIntervalSince1970: 1_764_625_000)

    func verify(
        _ headers: [(String, String)],
        method: String = "POST",
        target: String = "/federation/batches",
        body: [UInt8] = [1, 2, 3],
        at: Date? = nil
    )
        throws(FederationError) -> NodeID
    {
        let values = Dictionary(headers, uniquingKeysWith: { $1 })
        return try RequestSignature.verify(
            method: method,
            target: target,
            body: body,
            node: values[RequestSignature.nodeHeader],
            time: values[RequestSignature.timeHeader],
            signature: values[RequestSignature.signatureHeader],
            signingKey: { $0 == self.orp ? self.key.publicKey : nil },
            drift: .seconds(300),
            now: at ?? now
        )
    }

    @Test func aMembersSignatureNamesItForThatRouteBodyAndTime() throws {
        let headers = RequestSignature.headers(method: "POST", target: "/federation/batches", body: [1, 2, 3], node: orp, signer: key, now: now)
        #expect(try verify(headers) == orp)
        #expect(try verify(headers, at: now + 299) == orp)
        // Another route, body, method or time, or a signature older than the drift, is refused.
        #expect(throws: FederationError(.badSignature, "")) { try verify(headers, target: "/federation/digest") }
        #expect(throws: FederationError(.badSignature, "")) { try verify(headers, body: [1, 2, 4]) }
        #expect(throws: FederationError(.badSignature, "")) { try verify(headers, method: "GET") }
        #expect(throws: FederationError(.unauthenticated, "")) { try verify(headers, at: now + 301) }
        #expect(throws: FederationError(.unauthenticated, "")) { try verify(headers, at: now - 301) }
    }

    @Test func strangersAndMissingHeadersAreRefused() throws {
        let stranger = RequestSignature.headers(
            method: "POST",
            target: "/federation/batches",
            body: [1, 2, 3],
            node: try NodeID("evil-vs"),
            signer: .generate(),
            now: now
        )
        #expect(throws: FederationError(.notAMember, "")) { try verify(stranger) }
        let forged = RequestSignature.headers(
            method: "POST",
            target: "/federation/batches",
            body: [1, 2, 3],
            node: orp,
            signer: .generate(),
            now: now
        )
        #expect(throws: FederationError(.badSignature, "")) { try verify(forged) }
        #expect(throws: FederationError(.unauthenticated, "")) { try verify([]) }
        var garbled = RequestSignature.headers(method: "POST", target: "/federation/batches", body: [1, 2, 3], node: orp, signer: key, now: now)
        garbled[2].1 = "not base64"
        #expect(throws: FederationError(.badSignature, "")) { try verify(garbled) }
    }

    @Test func aVersionOneBatchIsRefusedWithAMessageToUpgrade() throws {
        let batch = Batch(origin: orp, dispositif: .orp, recipient: try NodeID("cms-vs"), after: 3, through: 3, changes: [])
        var bytes = batch.encoded()
        #expect(bytes[4] == Batch.wireVersion)
        bytes[4] = 1
        do {
            _ = try Batch(decoding: bytes)
            Issue.record("a version 1 batch was read")
        } catch {
            #expect(error.code == .unsupportedVersion && error.reason.contains("upgrade"))
        }
    }

    @Test func aResetCarriesAGenerationAndTheEndFlagTravels() throws {
        let reset = Batch(
            origin: orp,
            dispositif: .orp,
            recipient: try NodeID("cms-vs"),
            after: 0,
            through: 9,
            changes: [],
            reset: true,
            generation: 42,
            reachesEnd: true
        )
        #expect(try Batch(decoding: reset.encoded()) == reset)
        var noGeneration = reset
        noGeneration.generation = 0
        #expect(throws: FederationError(.malformed, "")) { try Batch(decoding: noGeneration.encoded()) }
        var generationWithoutReset = reset
        generationWithoutReset.reset = false
        #expect(throws: FederationError(.malformed, "")) { try Batch(decoding: generationWithoutReset.encoded()) }
    }
}
