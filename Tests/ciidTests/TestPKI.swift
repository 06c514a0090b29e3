import Foundation

/// An institution's own PKI for the tests, made with the `openssl` command: a CA (P-256, like the
/// federation CA) and server certificates it issues, with the names the federation CA would give.
struct TestPKI {
    let folder: String

    /// The CA certificate (PEM).
    var caCertificate: String { "\(folder)/ca.crt" }

    /// Creates the CA in `folder`.
    init(folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
        [req]
        distinguished_name = dn
        prompt = no
        x509_extensions = ca
        [dn]
        O = Institution PKI (test)
        CN = Institution CA (test)
        [ca]
        basicConstraints = critical,CA:TRUE,pathlen:0
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash
        """.write(toFile: "\(folder)/ca.cnf", atomically: true, encoding: .utf8)
        try openssl(
            "req -x509 -config \(folder)/ca.cnf -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout \(folder)/ca.key -out \(caCertificate) -days 30"
        )
    }

    /// Issues a server certificate for node `id` on loopback (DNS `id.localhost`, the host name the
    /// harness gives it, as the federation CA does; also localhost, `id`, IP 127.0.0.1 and ::1),
    /// with a new key of mode 0600.
    /// - Returns: the certificate and key files.
    func issue(for id: String) throws -> (certificate: String, key: String) {
        let (key, request, certificate) = ("\(folder)/\(id).key", "\(folder)/\(id).csr", "\(folder)/\(id).crt")
        try """
        basicConstraints = critical,CA:FALSE
        keyUsage = critical,digitalSignature
        extendedKeyUsage = serverAuth,clientAuth
        subjectAltName = DNS:\(id).localhost,DNS:localhost,DNS:\(id),IP:127.0.0.1,IP:::1
        authorityKeyIdentifier = keyid
        """.write(toFile: "\(folder)/\(id).ext", atomically: true, encoding: .utf8)
        try openssl("req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout \(key) -out \(request) -subj /CN=\(id)")
        try openssl(
            "x509 -req -in \(request) -CA \(caCertificate) -CAkey \(folder)/ca.key -CAcreateserial -days 30 -extfile \(folder)/\(id).ext -out \(certificate)"
        )
        chmod(key, 0o600)
        return (certificate, key)
    }

    /// Runs `openssl` with `command` split at spaces (the test folders hold none).
    private func openssl(_ command: String) throws {
        let arguments = command.split(separator: " ").map(String.init)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HarnessError("openssl \(arguments.prefix(2).joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        }
    }
}
