extension SMTPSettings {
    /// The scheme, host and port of ``url``.
    struct Endpoint: Equatable {
        /// `smtp` or `smtps`.
        var scheme: String
        /// A name, an IPv4 address, or an IPv6 address in brackets.
        var host: String
        /// The port, when the URL names one.
        var port: Int?

        /// `smtp://host:port`, for error messages.
        var display: String { "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "") }

        /// Whether the host is this machine (`localhost`, `127.0.0.0/8`, `[::1]`).
        var isLoopback: Bool {
            let name = host.lowercased()
            if name == "localhost" || name == "[::1]" { return true }
            let octets = name.split(separator: ".", omittingEmptySubsequences: false)
            return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
        }
    }

    /// Checks the settings before anything is sent.
    /// - Throws: ``CurlError`` (code -1) saying which setting is wrong and how to fix it.
    public func validate() throws(CurlError) {
        let endpoint = try endpoint()
        switch security {
        case .implicitTLS where endpoint.scheme != "smtps":
            throw CurlError.smtp("security implicitTLS needs an smtps:// URL, not \(url): use smtps://host:465, or security startTLS")
        case .startTLS where endpoint.scheme != "smtp", .none where endpoint.scheme != "smtp":
            throw CurlError.smtp("security \(security.rawValue) needs an smtp:// URL, not \(url): use security implicitTLS for smtps://")
        case .none where !endpoint.isLoopback:
            throw CurlError.smtp(
                "plain SMTP without TLS is only allowed to a loopback host, not \(endpoint.host): use security startTLS or implicitTLS"
            )
        default: break
        }
        guard timeoutSeconds > 0 else { throw CurlError.smtp("the SMTP timeout must be at least 1 second, not \(timeoutSeconds)") }
        _ = try MailMessage.parseAddress(from, field: "the SMTP sender (from)")
        if let heloDomain {
            let allowed = heloDomain.unicodeScalars.allSatisfy {
                $0.isASCII && (MailMessage.isAlphanumeric($0) || "-.[]:".unicodeScalars.contains($0))
            }
            guard !heloDomain.isEmpty, allowed else {
                throw CurlError.smtp("the EHLO domain \"\(heloDomain)\" is not a host name: use letters, digits, '-' and '.' only")
            }
        }
        if password != nil, username == nil { throw CurlError.smtp("an SMTP password is set without a user name: set both or neither") }
        for (name, value) in [("user name", username), ("password", password), ("CA file", caFile)] {
            guard let value else { continue }
            guard !value.isEmpty, !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw CurlError.smtp("the SMTP \(name) is empty or contains control characters: check the configuration")
            }
        }
    }

    /// Parses ``url`` as `smtp[s]://host[:port][/]`.
    func endpoint() throws(CurlError) -> Endpoint {
        guard !url.contains("@") else {
            // Not printed: the part before @ may be a password.
            throw CurlError.smtp("the SMTP URL must not hold a user name or password: set username and password instead")
        }
        let invalid = CurlError.smtp("the SMTP URL \"\(url)\" is not of the form smtp://host:port or smtps://host:port")
        let parts = url.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, ["smtp", "smtps"].contains(parts[0].lowercased()) else { throw invalid }
        var rest = parts[1]
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty, !rest.contains(where: { "/?#@ \\".contains($0) || $0.isNewline }) else { throw invalid }
        var host = Substring(rest)
        var port: Int?
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("]") {
            guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else { throw invalid }
            host = rest[..<colon]
            port = number
        }
        guard !host.isEmpty, host.hasPrefix("[") == host.hasSuffix("]") else { throw invalid }
        guard host.hasPrefix("[") || !host.contains(":") else { throw invalid }
        return Endpoint(scheme: parts[0].lowercased(), host: String(host), port: port)
    }

    /// The URL given to libcurl: the endpoint, and the EHLO domain as its path.
    func curlURL() throws(CurlError) -> String {
        let endpoint = try endpoint()
        return endpoint.display + "/" + (heloDomain ?? "")
    }
}
