import CIICore
import CIIStore
import Curl
import Foundation
import Testing

extension EndToEndTests {
    /// `ciid audit person` (right of access): the number comes on standard input; it lists the
    /// person's checks, by API and by CLI, and not other people's; the search is itself audited.
    @Test func auditPersonListsWhatWasDoneAboutOnePerson() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let person = AVSNumber(completing: 756_300_000_031)
        let other = AVSNumber(completing: 756_300_000_032)
        try makeNode(known: person, alsoOurs: other)
        let tokenOutput = try ciid("token", "create", "--data-dir", node, "--name", "audit-person")
        let token = try #require(tokenOutput.output.split(separator: "\n").first { $0.hasPrefix("ciid_") }.map(String.init))
        let server = try CIIDProcess.start(["serve", "--data-dir", node, "--port", "0", "--port-file", folder + "/port"], in: folder)
        defer { server.stop(SIGKILL) }
        let port = try waitForPort(folder + "/port", server: server)
        for number in [person, other, other] {
            let answer = try Curl.perform(
                HTTPRequest(
                    method: "POST",
                    url: "https://localhost:\(port)/api/v1/checks",
                    headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(token)")],
                    body: Array("{\"avs\":\"\(number.formatted)\"}".utf8),
                    caFile: node + "/tls/ca.crt"
                )
            )
            #expect(answer.status == 200)
        }
        #expect(server.stop(SIGTERM) == 0)
        #expect(try CIIDProcess.run(["check", "--data-dir", node, "-"], in: folder, input: "\(person.formatted)\n").status == 0)

        let help = try ciid("audit", "person", "--help")
        #expect(help.output.contains("standard input") && help.output.contains("history"), "\(help.output)")
        #expect(try ciid("audit", "person", "--data-dir", node, person.formatted).status != 0, "no number on the command line")

        let listed = try CIIDProcess.run(["audit", "person", "--data-dir", node], in: folder, input: "\(person.formatted)\n")
        #expect(listed.status == 0, "\(listed.error)")
        let lines = listed.output.split(separator: "\n")
        #expect(lines.first?.contains("2 entries about this person") == true, "\(listed.output)")
        let checks = lines.filter { $0.contains("  check  ") }
        #expect(checks.count == 2, "\(listed.output)")
        #expect(checks.contains { $0.contains("  token:") && $0.contains("fingerprint=this person") && $0.contains("matches=1") })
        #expect(checks.contains { $0.contains("  cli  ") })
        let others = try CIIDProcess.run(["audit", "person", "--data-dir", node], in: folder, input: "\(String(other.digitsValue))\n")
        #expect(others.output.split(separator: "\n").filter { $0.contains("  check  ") }.count == 2, "\(others.output)")

        // The search is a read of personal data: audited, and found by the next search.
        let again = try CIIDProcess.run(["audit", "person", "--data-dir", node, "--csv"], in: folder, input: "\(person.formatted)\n")
        let rows = again.output.split(separator: "\n")
        #expect(rows.first == "seq;time;kind;actor;subject;outcome;details")
        #expect(rows.count == 4, "two checks and the first search: \(again.output)")
        #expect(rows.contains { $0.contains(";audit_person;cli;") && $0.contains("fingerprint=this person") && $0.contains("os_user=") })
        for output in [listed.output, others.output, again.output] {
            #expect(!output.contains(String(person.digitsValue)) && !output.contains(person.formatted) && !output.contains(String(other.digitsValue)))
        }
        let directory = NodeDirectory(root: node)
        let key = try #require(try FederationKeyStore(directory: directory).keys().first)
        let fingerprints = [person, other].map { Fingerprinter(key: key).fingerprint($0).hex }
        #expect(!fingerprints.contains { listed.output.contains($0) || again.output.contains($0) }, "fingerprints are not shown")
    }
}
