import CIIStore
import Curl
import Foundation
import Testing

extension EndToEndTests {
    /// `ciid serve` on a coordinator opens the registry (its key made 0600 on first start, its own
    /// database) and serves its API over HTTPS: a call without a session gets the API's 401 in
    /// the one error shape. A dispositif node has no registry route.
    @Test func aCoordinatorServesTheRegistryAPI() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let coordinator = folder + "/cii"
        try initCoordinator(coordinator)
        let server = try CIIDProcess.start(
            ["serve", "--data-dir", coordinator, "--port", "0", "--federation-port", "0", "--port-file", folder + "/port"],
            in: folder
        )
        defer { server.stop(SIGKILL) }
        let port = try waitForPort(folder + "/port", server: server)
        let answer = try Curl.perform(
            HTTPRequest(
                method: "GET",
                url: "https://localhost:\(port)/api/v1/registry/collaborators",
                headers: [("Accept-Language", "de")],
                caFile: coordinator + "/tls/ca.crt",
                timeoutSeconds: 10
            )
        )
        #expect(answer.status == 401)
        #expect(answer.text.hasPrefix("{\"errors\":[{\"field\":null,\"code\":\"auth.required\""), "\(answer.text)")
        #expect(answer.text.contains("Melden Sie sich"))
        let key = NodeDirectory(root: coordinator).keys + "/registry.key"
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int)
        #expect(mode & 0o077 == 0)
        #expect(FileManager.default.fileExists(atPath: coordinator + "/registry.sqlite"))
    }
}
