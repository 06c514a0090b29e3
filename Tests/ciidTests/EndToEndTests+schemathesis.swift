import Foundation
import Testing

/// Whether schemathesis (PyPI) can be used: already installed, or installed now with pip.
enum Schemathesis {
    static let available: Bool = {
        func run(_ arguments: [String]) -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        if run(["python3", "-c", "import schemathesis"]) { return true }
        _ = run(["python3", "-m", "pip", "install", "--quiet", "schemathesis"])
        return run(["python3", "-c", "import schemathesis"])
    }()
}

extension EndToEndTests {
    /// The OpenAPI document checked against a real `ciid serve` coordinator over HTTPS by
    /// schemathesis, as a bureau session: no request produces a 5xx, and every response matches
    /// its documented status, content type and schema. Skipped only if schemathesis cannot be
    /// installed (`pip install schemathesis`).
    @Test(.enabled(if: Schemathesis.available, "schemathesis cannot be installed (python3 -m pip install schemathesis): registry API not fuzzed"))
    func schemathesisFindsNoServerErrorAndNoSchemaMismatchInTheRegistryAPI() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let coordinator = folder + "/cii"
        try initCoordinator(coordinator)
        let user = try ciid("user", "add", "--data-dir", coordinator, "--email", "bureau@cii.test", "--name", "Bureau", "--role", "bureau")
        #expect(user.status == 0, "\(user.error)")
        let server = try CIIDProcess.start(
            ["serve", "--data-dir", coordinator, "--port", "0", "--federation-port", "0", "--port-file", folder + "/port"],
            in: folder
        )
        defer { server.stop(SIGKILL) }
        let port = try waitForPort(folder + "/port", server: server)
        let repository = MailSink.repository
        let run = try CIIDProcess.run(
            [
                "python3", repository + "/Tests/registry/schemathesis_run.py", coordinator, String(port), repository + "/docs/registry-openapi.yaml",
                "15",
            ],
            in: folder,
            executable: "/usr/bin/env",
            timeout: 600
        )
        #expect(run.status == 0, "schemathesis: \(run.output.suffix(4000)) \(run.error.suffix(1000))")
        #expect(run.output.contains("passed"), "\(run.output.suffix(2000))")
    }
}
