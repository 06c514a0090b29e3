import CIICore
import CIIStore
import Foundation
import Testing

extension EndToEndTests {
    /// `ciid check -` answers each line of standard input, names a bad line and goes on; every
    /// check, every import and every `ciid overlaps` listing is in the audit log, by fingerprint, never by number.
    @Test func checksFromStandardInputAndListingsAreAudited() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let known = AVSNumber(completing: 756_300_000_008)
        let ours = try AVSNumber("756.9217.0769.85")
        try makeNode(known: known, alsoOurs: AVSNumber(completing: 756_300_000_009))
        try "N° AVS;Début du suivi;Dernier suivi;Conseiller\n\(ours.formatted);01.02.2024;;c-17\n".write(
            toFile: folder + "/orp.csv",
            atomically: true,
            encoding: .utf8
        )
        #expect(try ciid("import", "--data-dir", node, "orp.csv").status == 0)
        #expect(try ciid("import", "--data-dir", node, "orp.csv").status == 0, "the same export again changes nobody")
        let unknown = try AVSNumber("756.1234.5678.97")
        let bad = "756.9217.0769.84"

        let checked = try CIIDProcess.run(
            ["check", "--data-dir", node, "--json", "-"],
            in: folder,
            input: "\(known.formatted)\n\n\(String(unknown.digitsValue))\n\(bad)\n"
        )
        #expect(checked.status == 2, "\(checked.error)")
        let answers = checked.output.split(separator: "\n")
        #expect(answers.count == 2, "\(checked.output)")
        #expect(answers.first?.contains("\"known\":true") == true)
        #expect(answers.last?.contains("\"known\":false") == true)
        #expect(checked.error.contains("line 4"), "\(checked.error)")
        #expect(checked.error.contains("avs.wrong_check_digit"))

        // Our person appears at OSP after a first full exchange with it: one alert to list.
        let store = try NodeStore(path: NodeDirectory(root: node).database)
        let key = try #require(try FederationKeyStore(directory: NodeDirectory(root: node)).keys().first)
        let fingerprinter = Fingerprinter(key: key)
        let osp = try NodeID("osp-vs")
        let stranger = ReplicaChange(
            fingerprint: fingerprinter.fingerprint(AVSNumber(completing: 756_300_000_010)),
            epoch: key.epoch,
            lastOn: Day.today()
        )
        _ = try store.applyBatch(origin: osp, dispositif: .osp, after: 0, through: 1, changes: [stranger], reachesEnd: true)
        let ourChange = ReplicaChange(fingerprint: fingerprinter.fingerprint(ours), epoch: key.epoch, lastOn: Day.today())
        _ = try store.applyBatch(origin: osp, dispositif: .osp, after: 1, through: 2, changes: [ourChange], reachesEnd: true)
        let listed = try ciid("overlaps", "--data-dir", node)
        #expect(listed.status == 0, "\(listed.error)")
        #expect(listed.output.contains("caseworker c-17"), "\(listed.output)")

        let verified = try ciid("audit", "verify", "--data-dir", node)
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        let today = Day.today()
        let exported = try ciid("audit", "export", "--data-dir", node, "--from", today.adding(days: -1).iso, "--to", today.adding(days: 1).iso)
        #expect(exported.status == 0, "\(exported.error)")
        let rows = exported.output.split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false) }
        let checks = rows.filter { $0.count > 6 && $0[2] == "check" && $0[3] == "cli" }
        let okChecks = checks.filter { $0[5] == "ok" }.map { String($0[6]) }
        #expect(okChecks.count == 2, "\(exported.output)")
        #expect(okChecks.contains { $0.contains("fingerprint=\(fingerprinter.fingerprint(known).hex)") && $0.contains("matches=1") })
        #expect(okChecks.contains { $0.contains("fingerprint=\(fingerprinter.fingerprint(unknown).hex)") && $0.contains("matches=0") })
        #expect(checks.contains { $0[5] == "invalid" && $0[6].contains("avs.wrong_check_digit") })
        // Each import with its counts; the people it changed, not those it left as they were.
        let imports = rows.filter { $0.count > 6 && $0[2] == "import" }
        #expect(imports.count == 2, "\(exported.output)")
        #expect(imports.first?[6].contains("upserted=1") == true && imports.first?[6].contains("source=orp.csv") == true)
        #expect(imports.last?[6].contains("upserted=0") == true && imports.last?[6].contains("unchanged=1") == true)
        let changed = rows.filter { $0.count > 6 && $0[2] == "import_changes" }
        #expect(changed.count == 1, "\(exported.output)")
        #expect(changed.first?[6].contains("change=added") == true)
        #expect(changed.first?[6].contains(fingerprinter.fingerprint(ours).hex) == true)
        let listing = try #require(rows.first { $0.count > 6 && $0[2] == "alerts_listed" }, "\(exported.output)")
        #expect(listing[3] == "cli")
        #expect(listing[6].contains("count=1"))
        #expect(listing[6].contains("=\(fingerprinter.fingerprint(ours).hex)"))

        // No AVS number, in any form, anywhere in the audit folder.
        let audit = node + "/audit"
        for file in try FileManager.default.contentsOfDirectory(atPath: audit) {
            let text = try String(contentsOfFile: "\(audit)/\(file)", encoding: .utf8)
            for number in [known, unknown, ours] {
                #expect(!text.contains(String(number.digitsValue)) && !text.contains(number.formatted), "\(file) holds an AVS number")
            }
            #expect(!text.contains("7569217076984") && !text.contains(bad))
        }
    }
}
