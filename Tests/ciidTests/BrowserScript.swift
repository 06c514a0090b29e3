import Foundation

/// Runs one of the Selenium scripts of `Tests/browser/` with Debian's Python, bounded in time.
enum BrowserScript {
    /// What the script printed (standard output and error, in order) and how it ended.
    struct Result {
        let status: Int32
        let output: String
    }

    /// Runs `Tests/browser/<name>` with `arguments`, its output in `<folder>/browser.log`. After
    /// `timeout` seconds the script is stopped (SIGTERM, so that Selenium closes Chromium, then
    /// SIGKILL), and a Chromium left on `profile` is stopped too.
    static func run(_ name: String, _ arguments: [String], in folder: String, profile: String, timeout: TimeInterval) throws -> Result {
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        script.arguments = [MailSink.repository + "/Tests/browser/" + name] + arguments
        let log = folder + "/browser.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? handle.close() }
        script.standardOutput = handle
        script.standardError = handle
        try script.run()
        let deadline = Date().addingTimeInterval(timeout)
        while script.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if script.isRunning {
            kill(script.processIdentifier, SIGTERM)
            let grace = Date().addingTimeInterval(5)
            while script.isRunning, Date() < grace { Thread.sleep(forTimeInterval: 0.1) }
            if script.isRunning { kill(script.processIdentifier, SIGKILL) }
            _ = try? Process.run(URL(fileURLWithPath: "/usr/bin/pkill"), arguments: ["-f", profile])
        }
        script.waitUntilExit()
        return Result(status: script.terminationStatus, output: (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}
