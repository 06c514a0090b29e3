import CIICore
import CIIFederation
import Sodium
import Testing

@Suite struct BatchTests {
    let orp = try! NodeID("orp-vs")
    let cms = try! NodeID("cms-vs")
    let fingerprinter = Fingerprinter(key: .generate(epoch: .first))

    func batch(count: Int, recipient: NodeID? = nil) -> Batch {
        let changes = (0..<count).map { index in
            Change(
                kind: index % 5 == 4 ? .retract : .upsert,
                epoch: .first,
                fingerprint: fingerprinter.fingerprint(AVSNumber(completing: 756_500_000_000 + UInt64(index))),
                lastOn: index % 5 == 4 ? nil : Day(year: 2025, month: 4, day: 17)!.adding(days: index % 300)
            )
        }
        return Batch(origin: orp, dispositif: .orp, recipient: recipient ?? cms, after: 100, through: 100 + Int64(count), changes: changes)
    }

    @Test func roundTripsThroughTheWireForm() throws {
        let original = batch(count: 1000)
        #expect(try Batch(decoding: original.encoded()) == original)
        let empty = batch(count: 0)
        #expect(try Batch(decoding: empty.encoded()) == empty)
        var reset = batch(count: 3)
        reset.after = 0
        reset.reset = true
        reset.generation = 7
        #expect(try Batch(decoding: reset.encoded()) == reset)
        var bad = reset
        bad.after = 5
        #expect(throws: FederationError(.malformed, "")) { try Batch(decoding: bad.encoded()) }
    }

    @Test func costsUnderFortyBytesPerFingerprint() throws {
        let full = batch(count: Batch.maximumChanges)
        let sealed = try BatchSeal.seal(full, signer: .generate(), recipientBoxKey: BoxKeyPair.generate().publicKey)
        let perFingerprint = Double(sealed.count) / Double(Batch.maximumChanges)
        #expect(perFingerprint < 40, "\(perFingerprint) bytes per fingerprint")
    }

    @Test func truncatedOrPaddedBytesAreRefused() throws {
        let bytes = batch(count: 10).encoded()
        for cut in [0, 4, 5, 20, bytes.count - 1] {
            #expect(throws: FederationError(.malformed, "")) { try Batch(decoding: Array(bytes.prefix(cut))) }
        }
        #expect(throws: FederationError(.malformed, "")) { try Batch(decoding: bytes + [0]) }
    }

    @Test func onlyTheRecipientOpensAndOnlyTheOriginSigns() throws {
        let origin = SigningKeyPair.generate()
        let recipient = BoxKeyPair.generate()
        let members = [orp: origin.publicKey]
        let sealed = try BatchSeal.seal(batch(count: 3), signer: origin, recipientBoxKey: recipient.publicKey)
        let opened = try BatchSeal.open(sealed, box: recipient, node: cms, signingKey: { members[$0] })
        #expect(opened == batch(count: 3))

        #expect(throws: FederationError(.cannotOpen, "")) { try BatchSeal.open(sealed, box: .generate(), node: cms, signingKey: { members[$0] }) }
        var tampered = sealed
        tampered[tampered.count / 2] ^= 0x01
        #expect(throws: FederationError(.cannotOpen, "")) { try BatchSeal.open(tampered, box: recipient, node: cms, signingKey: { members[$0] }) }
        #expect(throws: FederationError(.notAMember, "")) { try BatchSeal.open(sealed, box: recipient, node: cms, signingKey: { _ in nil }) }

        let forger = SigningKeyPair.generate()
        let forged = try BatchSeal.seal(batch(count: 3), signer: forger, recipientBoxKey: recipient.publicKey)
        #expect(throws: FederationError(.badSignature, "")) { try BatchSeal.open(forged, box: recipient, node: cms, signingKey: { members[$0] }) }

        let forOther = try BatchSeal.seal(batch(count: 3, recipient: try NodeID("oai-vs")), signer: origin, recipientBoxKey: recipient.publicKey)
        #expect(throws: FederationError(.wrongRecipient, "")) { try BatchSeal.open(forOther, box: recipient, node: cms, signingKey: { members[$0] }) }
    }
}
