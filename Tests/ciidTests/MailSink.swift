import Foundation

/// The SMTP sink of the demo (`config/demo/smtp-sink.py`, Debian's python3-aiosmtpd) on a free
/// loopback port, storing each message as a .eml file in `maildir`. Stopped by PID.
final class MailSink {
    let process = Process()
    let maildir: String
    private(set) var port = 0
    private let output: String

    /// The repository's root, from this file's place in it.
    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    init(folder: String) throws {
        maildir = folder + "/mail"
        output = folder + "/smtp-sink.log"
        FileManager.default.createFile(atPath: output, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.repository + "/config/demo/smtp-sink.py", "--port", "0", "--maildir", maildir]
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on 127.0.0.1:") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber }) ?? 0
                if port > 0 { return }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw HarnessError("the SMTP sink did not start: \((try? String(contentsOfFile: output, encoding: .utf8)) ?? "")")
    }

    /// The stored messages' texts.
    func messages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: maildir)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted().compactMap { try? String(contentsOfFile: maildir + "/" + $0, encoding: .utf8) }
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }
}
