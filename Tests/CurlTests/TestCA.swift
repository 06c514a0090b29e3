import Foundation

/// A throwaway CA made with the `openssl` command (P-256), and server certificates it issues for
/// `localhost` and 127.0.0.1.
struct TestCA {
    let folder: String
    let name: String

    /// The CA certificate (PEM).
    var certificate: String { "\(folder)/\(name).crt" }

    /// Creates the CA `name` in `folder`, with a subject of its own (so that its hash is new).
    init(folder: String, name: String) throws {
        self.folder = folder
        self.name = name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let subject = "/O=ciid tests/CN=\(name) \(UUID().uuidString)"
        let extensions = ["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]
        try Self.openssl(
            "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -keyout \(folder)/\(name).key -out \(certificate)",
            verbatim: ["-subj", subject] + extensions
        )
    }

    /// Issues a server certificate for `localhost` and 127.0.0.1.
    /// - Returns: the certificate and key files.
    func issueServerCertificate(_ id: String) throws -> (certificate: String, key: String) {
        let (key, request, issued, extensions) = ("\(folder)/\(id).key", "\(folder)/\(id).csr", "\(folder)/\(id).crt", "\(folder)/\(id).ext")
        try """
        basicConstraints = critical,CA:FALSE
        keyUsage = critical,digitalSignature
        extendedKeyUsage = serverAuth
        subjectAltName = DNS:localhost,IP:127.0.0.1
        """.write(toFile: extensions, atomically: true, encoding: .utf8)
        try Self.openssl("req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout \(key) -out \(request) -subj /CN=\(id)")
        try Self.openssl(
            "x509 -req -in \(request) -CA \(certificate) -CAkey \(folder)/\(name).key -CAcreateserial -days 2 -extfile \(extensions) -out \(issued)"
        )
        return (issued, key)
    }

    /// OpenSSL's subject hash of the CA: the name (`<hash>.0`) it is looked up by in a CA folder.
    func subjectHash() throws -> String {
        try Self.openssl("x509 -hash -noout -in \(certificate)").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `openssl` with `command` split at spaces (the test folders hold none), then the
    /// `verbatim` arguments as they are, and returns what it printed.
    @discardableResult
    static func openssl(_ command: String, verbatim: [String] = []) throws -> String {
        let arguments = command.split(separator: " ").map(String.init) + verbatim
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("openssl \(arguments.joined(separator: " ")) failed: \(String(decoding: complaint, as: UTF8.self))")
        }
        return String(decoding: printed, as: UTF8.self)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
