import CIICore
import Curl
import Foundation
import Testing

extension EndToEndTests {
    /// The real binary with `[swissid]` on a coordinator: `ciid user link-swissid` links an account
    /// once (a second account cannot take the same SwissID); `ciid serve` refuses a client secret
    /// others can read, then, with the file 0600, offers the SwissID button and answers the "SwissID
    /// unreachable" page when the provider cannot be reached.
    @Test func aCoordinatorWithSwissIDLinksAccountsAndOffersTheButton() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let coordinator = folder + "/cii"
        try initCoordinator(coordinator)
        let configuration = coordinator + "/ciid.conf"
        let text = try String(contentsOfFile: configuration, encoding: .utf8)
        // Port 1 of loopback: nothing listens there, so the provider cannot be reached.
        try
            (text + """

                [swissid]
                issuer = https://127.0.0.1:1
                client_id = cii-vs-test
                client_secret_file = keys/swissid.secret
                redirect_url = https://localhost/login/swissid/callback
                assurance_levels = loa-3

                """).write(toFile: configuration, atomically: true, encoding: .utf8)
        let secret = coordinator + "/keys/swissid.secret"
        try "client-secret-for-the-test\n".write(toFile: secret, atomically: true, encoding: .utf8)
        chmod(secret, 0o644)

        for email in ["externe@cii.test", "autre@cii.test"] {
            let added = try ciid(
                "user",
                "add",
                "--data-dir",
                coordinator,
                "--email",
                email,
                "--name",
                "Coordination externe",
                "--role",
                "coordinator",
                "--region",
                "SIO"
            )
            #expect(added.status == 0, "\(added.error)")
        }
        let linked = try ciid("user", "link-swissid", "--data-dir", coordinator, "--email", "externe@cii.test", "--subject", "swissid-sub-1")
        #expect(linked.status == 0, "\(linked.error)")
        #expect(linked.output.contains("is linked to that SwissID"))
        let taken = try ciid("user", "link-swissid", "--data-dir", coordinator, "--email", "autre@cii.test", "--subject", "swissid-sub-1")
        #expect(taken.status != 0)
        #expect(taken.error.contains("this SwissID is linked to account"), "\(taken.error)")
        let listed = try ciid("user", "list", "--data-dir", coordinator)
        #expect(listed.output.split(separator: "\n").contains { $0.contains("externe@cii.test") && $0.contains("+swissid") }, "\(listed.output)")
        #expect(!listed.output.split(separator: "\n").contains { $0.contains("autre@cii.test") && $0.contains("+swissid") })
        // A link made by mistake is removed, and the SwissID is free for the right account.
        let unlinked = try ciid("user", "unlink-swissid", "--data-dir", coordinator, "--email", "externe@cii.test")
        #expect(unlinked.status == 0 && unlinked.output.contains("no longer linked"), "\(unlinked.error)")
        let relinked = try ciid("user", "link-swissid", "--data-dir", coordinator, "--email", "autre@cii.test", "--subject", "swissid-sub-1")
        #expect(relinked.status == 0, "\(relinked.error)")
        let again = try ciid("user", "unlink-swissid", "--data-dir", coordinator, "--email", "externe@cii.test")
        #expect(again.status != 0 && again.error.contains("not linked to a SwissID"), "\(again.error)")

        let refused = try CIIDProcess.run(["serve", "--data-dir", coordinator, "--port", "0", "--federation-port", "0"], in: folder, timeout: 60)
        #expect(refused.status != 0)
        #expect(refused.error.contains("swissid.client_secret_file"), "\(refused.error)")

        chmod(secret, 0o600)
        let server = try CIIDProcess.start(
            ["serve", "--data-dir", coordinator, "--port", "0", "--federation-port", "0", "--port-file", folder + "/port"],
            in: folder
        )
        defer { server.stop(SIGKILL) }
        let port = try waitForPort(folder + "/port", server: server)
        let ca = coordinator + "/tls/ca.crt"
        let login = try Curl.perform(HTTPRequest(url: "https://localhost:\(port)/login", caFile: ca, timeoutSeconds: 10))
        #expect(login.status == 200)
        #expect(login.text.contains("id=\"swissid-login\"") && login.text.contains("Se connecter avec SwissID"))
        let unreachable = try Curl.perform(
            HTTPRequest(url: "https://localhost:\(port)/login/swissid", headers: [("Accept-Language", "de")], caFile: ca, timeoutSeconds: 30)
        )
        #expect(unreachable.status == 502)
        #expect(unreachable.text.contains("SwissID nicht erreichbar"))
    }
}
