import CIICore
import CIIFederation
import Foundation
import Sodium
import Testing

/// Wire version 3 (issue 15): changes grouped by epoch and width, 16-byte fingerprints for the
/// epochs made since, 19 bytes per upsert; malformed groups refused.
@Suite struct BatchWireTests {
    let orp = try! NodeID("orp-vs")
    let cms = try! NodeID("cms-vs")
    let wide = Fingerprinter(key: .generate(epoch: .first, width: 32))
    let compact = Fingerprinter(key: .generate(epoch: Epoch(2)!))
    /// "CIIB", version, flags, "orp-vs", "ORP", "cms-vs", after, through, generation, count.
    let header = 6 + 7 + 4 + 7 + 8 + 8 + 8 + 4

    func change(_ index: Int, _ fingerprinter: Fingerprinter, retract: Bool = false) -> Change {
        Change(
            kind: retract ? .retract : .upsert,
            epoch: fingerprinter.epoch,
            fingerprint: fingerprinter.fingerprint(AVSNumber(completing: 756_500_000_000 + UInt64(index))),
            lastOn: retract ? nil : Day(year: 2026, month: 4, day: 17)!.adding(days: index % 300)
        )
    }

    func batch(_ changes: [Change]) -> Batch {
        Batch(origin: orp, dispositif: .orp, recipient: cms, after: 10, through: 10 + Int64(changes.count), changes: changes)
    }

    @Test func mixedEpochsAndWidthsRoundTripInTheirOrder() throws {
        // The move from a 32-byte epoch to a 16-byte one: both in one batch, interleaved.
        let changes = [
            change(1, compact), change(1, wide, retract: true), change(2, wide), change(3, compact), change(3, compact, retract: true),
            change(4, wide, retract: true),
        ]
        let original = batch(changes)
        let decoded = try Batch(decoding: original.encoded())
        #expect(decoded == original)
        #expect(decoded.changes.map(\.fingerprint.width) == [16, 32, 32, 16, 16, 32])
        #expect(decoded.changes.map(\.epoch.number) == [2, 1, 1, 2, 2, 1])
    }

    @Test func anUpsertOfACompactEpochIsNineteenBytes() throws {
        let upserts = batch((0..<Batch.maximumChanges).map { change($0, compact) })
        let bytes = upserts.encoded()
        #expect(bytes[4] == 3)
        #expect(bytes.count == header + 7 + Batch.maximumChanges * 19)
        let retractions = batch((0..<100).map { change($0, compact, retract: true) })
        #expect(retractions.encoded().count == header + 7 + 100 * 17)
        let sealed = try BatchSeal.seal(upserts, signer: .generate(), recipientBoxKey: BoxKeyPair.generate().publicKey)
        #expect(Double(sealed.count) / Double(Batch.maximumChanges) <= 20)
        // A 32-byte epoch: 35 bytes per upsert, as before minus the epoch carried once.
        #expect(batch((0..<100).map { change($0, wide) }).encoded().count == header + 7 + 100 * 35)
    }

    @Test func malformedGroupsAreRefused() throws {
        let bytes = batch((0..<4).map { change($0, compact) }).encoded()
        #expect(bytes[header + 2] == 16)
        func refused(_ mutate: (inout [UInt8]) -> Void) -> Bool {
            var copy = bytes
            mutate(&copy)
            do {
                _ = try Batch(decoding: copy)
                return false
            } catch {
                return error.code == .malformed
            }
        }
        // Truncated: inside a group header, inside a fingerprint, before the last day.
        for cut in [header + 1, header + 5, header + 7 + 8, bytes.count - 1] {
            #expect(refused { $0 = Array($0.prefix(cut)) }, "cut at \(cut)")
        }
        // Widths other than 16 and 32, and 32 over 16-byte fingerprints.
        for width: UInt8 in [0, 8, 20, 64, 32] { #expect(refused { $0[header + 2] = width }, "width \(width)") }
        // A group of 0 changes, or more than the batch's count.
        #expect(refused { $0[header + 3] = 0 })
        #expect(refused { $0[header + 3] = 5 })
        #expect(refused { $0[header + 6] = 0x80 })
        // A batch count above its groups: a second group is expected and missing.
        #expect(refused { $0[header - 4] = 5 })
        // Epoch 0 and an unknown kind.
        #expect(refused { $0[header] = 0 })
        #expect(refused { $0[header + 7] = 9 })
        // A second group after the count was reached is trailing bytes.
        #expect(refused { $0 += [2, 0, 16, 1, 0, 0, 0] })
    }

    @Test func aBatchOfWireVersionTwoIsRefusedWithAnUpgradeMessage() throws {
        var bytes = batch([change(1, compact)]).encoded()
        bytes[4] = 2
        do {
            _ = try Batch(decoding: bytes)
            Issue.record("a batch of version 2 was accepted")
        } catch {
            #expect(error.code == .unsupportedVersion && error.reason.contains("upgrade"), "\(error)")
        }
    }

    @Test func theManifestCarriesEachEpochsWidthAndOldEntriesReadAs32() throws {
        let coordinator = SigningKeyPair.generate()
        let box = BoxKeyPair.generate()
        func sealed(_ key: FingerprintKey) throws -> [String: String] {
            ["cms-vs": Data(try BoxKeyPair.seal(key.secret.copyBytes(), to: box.publicKey)).base64EncodedString()]
        }
        let manifest = Manifest(
            version: 1,
            coordinator: orp,
            members: [],
            epochs: [
                .init(epoch: 1, keyID: wide.key.keyID, sealed: try sealed(wide.key), width: 32),
                .init(epoch: 2, keyID: compact.key.keyID, sealed: try sealed(compact.key), width: 16),
            ]
        )
        #expect(manifest.epochs.map(\.width) == [nil, 16])
        let verified = try SignedManifest.sign(manifest, with: coordinator).verified(coordinatorKey: coordinator.publicKey)
        let keys = try verified.keys(for: cms, box: box)
        #expect(keys.map(\.epoch.number) == [2, 1] && keys.map(\.width) == [16, 32])
        #expect(
            keys.map { Fingerprinter(key: $0).fingerprint(AVSNumber(completing: 756_500_000_001)) }
                == [compact.fingerprint(AVSNumber(completing: 756_500_000_001)), wide.fingerprint(AVSNumber(completing: 756_500_000_001))]
        )
        // An entry of an older release has no width: its epoch is 32 bytes wide.
        let old = try JSONDecoder().decode(Manifest.EpochKeys.self, from: Data(#"{"epoch": 1, "keyID": "ab", "sealed": {}}"#.utf8))
        #expect(old.width == nil && old.fingerprintWidth == 32)
    }
}
