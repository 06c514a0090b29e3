import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real SMTP server for tests: `config/demo/smtp-sink.py` (Debian's python3-aiosmtpd) run in a
/// temporary folder, on a port it picks itself and reports, stopped by its process id.
final class SMTPSink {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A Python 3 that has aiosmtpd: Debian's, which `apt-get install python3-aiosmtpd` serves.
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { path in
        FileManager.default.isExecutableFile(atPath: path) && (try? Shell.run(path, ["-c", "import aiosmtpd"]).status) == 0
    }

    let process: Process
    /// The port the server listens on (127.0.0.1).
    let port: Int
    /// Where the received messages are stored.
    let maildir: URL

    /// Starts the sink in `folder`; plain SMTP, STARTTLS required with `tls`, or implicit TLS.
    init(in folder: URL, tls: (cert: URL, key: URL)? = nil, implicitTLS: Bool = false) throws {
        let python = try #require(Self.python, "python3-aiosmtpd is missing: apt-get install -y python3-aiosmtpd")
        let name = implicitTLS ? "implicit" : tls == nil ? "plain" : "starttls"
        maildir = folder.appendingPathComponent("mail-\(name)")
        let output = folder.appendingPathComponent("sink-\(name).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        var arguments = [
            Self.repositoryRoot.appendingPathComponent("config/demo/smtp-sink.py").path, "--host", "127.0.0.1", "--port", "0", "--maildir",
            maildir.path,
        ]
        if let tls { arguments += ["--tls-cert", tls.cert.path, "--tls-key", tls.key.path] }
        if implicitTLS { arguments.append("--implicit-tls") }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()

        let deadline = Date().addingTimeInterval(20)
        var found: Int?
        while found == nil, process.isRunning, Date() < deadline {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on 127.0.0.1:") }) {
                found = Int(line.dropFirst("listening on 127.0.0.1:".count).prefix { $0.isNumber })
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        guard let found else {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            Self.stop(process)
            throw SinkError(message: "the SMTP sink exited or did not start within 20 s; its output: \(text)")
        }
        port = found
    }

    deinit { Self.stop(process) }

    /// Stops the server: SIGTERM by its process id, SIGKILL after 5 s.
    func stop() { Self.stop(process) }

    /// Whether the last stop was clean: exit status 0 after SIGTERM, not SIGKILL.
    var stoppedCleanly: Bool { !process.isRunning && process.terminationReason == .exit && process.terminationStatus == 0 }

    private static func stop(_ process: Process) {
        guard process.isRunning else { return }
        let pid = process.processIdentifier
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
    }

    /// The stored messages (`*.eml`), oldest first.
    func messages() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted().map { maildir.appendingPathComponent($0) }
    }

    /// A message parsed by Python's own `email` package: an independent check of the encoding.
    static func parse(_ file: URL) throws -> ParsedMail {
        let script = """
            import email, email.policy, json, sys
            m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
            fields = {k: str(m[k] or '') for k in ['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'X-Sink-Envelope-From',
                      'X-Sink-Envelope-To', 'X-Sink-TLS', 'X-Sink-Auth-User', 'X-CII-Node']}
            fields['body'] = m.get_content()
            fields['contentType'] = m.get_content_type()
            fields['charset'] = m.get_content_charset() or ''
            fields['defects'] = str(len(m.defects))
            print(json.dumps(fields))
            """
        let python = try #require(python, "python3-aiosmtpd is missing: apt-get install -y python3-aiosmtpd")
        let result = try Shell.run(python, ["-c", script, file.path])
        guard result.status == 0 else { throw SinkError(message: "cannot parse \(file.lastPathComponent): \(result.output)") }
        let fields = try JSONDecoder().decode([String: String].self, from: Data(result.output.utf8))
        return ParsedMail(fields: fields)
    }
}

/// A stored message as Python's `email` package reads it.
struct ParsedMail {
    let fields: [String: String]
    subscript(_ name: String) -> String { fields[name] ?? "" }
}

/// Something went wrong with the test's SMTP sink or its tools.
struct SinkError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Runs short helper commands (python3, openssl) and returns their output.
enum Shell {
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A self-signed Ed25519 certificate for localhost and 127.0.0.1, made with openssl in `folder`.
    static func selfSignedCertificate(in folder: URL, name: String) throws -> (cert: URL, key: URL) {
        let openssl = try #require(
            ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "openssl is missing"
        )
        let cert = folder.appendingPathComponent("\(name).crt")
        let key = folder.appendingPathComponent("\(name).key")
        let result = try run(
            openssl,
            [
                "req", "-x509", "-newkey", "ed25519", "-keyout", key.path, "-out", cert.path, "-days", "2", "-nodes", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ]
        )
        guard result.status == 0 else { throw SinkError(message: "openssl could not make a certificate: \(result.output)") }
        return (cert, key)
    }
}
