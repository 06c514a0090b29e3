extension NodeConfiguration {
    /// Reads the configuration from the text of `ciid.conf`: each key of ``keys``, in order; a key
    /// the file does not set keeps its default.
    /// - Throws: ``ConfigError`` naming the file, the line and what is expected.
    public init(parsing text: String, file: String) throws(ConfigError) {
        let config = try ConfigFile(parsing: text, file: file)
        let known = Set(Self.keys.map(\.name))
        for (key, value) in config.values.sorted(by: { $0.value.line < $1.value.line }) where !known.contains(key) {
            if let reason = Self.retiredKeys[key] { throw ConfigError(file: file, line: value.line, "\(key) is gone: \(reason); remove the line") }
            throw ConfigError(file: file, line: value.line, "unknown setting `\(key)`; known: \(known.sorted().joined(separator: ", "))")
        }
        var configuration = NodeConfiguration.defaults
        for key in Self.keys {
            guard let value = config.values[key.name] else {
                if key.required { throw ConfigError(file: file, line: nil, "`\(key.name)` is missing") }
                continue
            }
            try key.read(&configuration, value, file)
        }
        try configuration.validate(config, file: file)
        self = configuration
    }

    /// Settings of earlier versions, with why they went: a file that still sets one is refused with that reason.
    static let retiredKeys: [String: String] = [
        "access.lockout_failures": "accounts are no longer locked, failed logins are slowed down instead",
        "access.lockout_minutes": "accounts are no longer locked, failed logins are slowed down instead",
    ]

    /// The defaults of every key that has one. `node.role` and `node.id` have none: the file must set them.
    static var defaults: NodeConfiguration {
        // `node` is a valid id (lowercase letters); the required `node.id` always replaces it.
        NodeConfiguration(role: .dispositif, id: try! NodeID("node"), dispositif: nil)
    }

    /// The rules that involve several keys.
    func validate(_ config: ConfigFile, file: String) throws(ConfigError) {
        if role == .dispositif, dispositif == nil {
            throw ConfigError(file: file, line: nil, "a dispositif node needs `dispositif` in [node] (ORP, CMS, OAI, OSP, OASI or T1)")
        }
        if config.values["server.federation_listen"] == nil, Self.defaultFederationPort(listenPort: listenPort) > 65535 {
            throw ConfigError(
                file: file,
                line: nil,
                "server.listen uses port \(listenPort), so the federation listener cannot take the next one: set server.federation_listen (`host:port`)"
            )
        }
        try validateSwissID(config, file: file)
        if let mail, mail.from.isEmpty {
            throw ConfigError(file: file, line: config.values["mail.relay"]?.line, "[mail] needs `from`, the sender address of login codes")
        }
    }

    /// Reads `host:port` (an IPv6 host in brackets), port 0 to 65535.
    static func hostAndPort(_ value: ConfigFile.Value, name: String, example: String, file: String) throws(ConfigError) -> (host: String, port: Int) {
        guard let colon = value.text.lastIndex(of: ":"), let port = Int(value.text[value.text.index(after: colon)...]), (0...65535).contains(port),
            colon != value.text.startIndex
        else {
            throw ConfigError(file: file, line: value.line, "\(name) is `host:port`, such as \(example), not `\(value.text)`")
        }
        var host = String(value.text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }

    /// The commented text of `ciid.conf` for these settings: every key of ``keys`` under its
    /// section, its help above it; a key without a value is shown commented out with an example.
    /// - Parameter heading: the first comment line.
    public func rendered(heading: String) -> String {
        var out = """
            # \(heading)
            # Lines are `key = value`; text after `#` is a comment. Relative paths are relative to
            # the folder of this file (the node's data folder). Restart `ciid serve` after a change.
            # Every setting is explained in docs/configuration.md (`ciid config reference`).

            """
        var section = ""
        for key in Self.keys {
            if key.section != section {
                section = key.section
                out += "\n[\(section)]\n"
            }
            for line in Self.wrapped(key.help, width: 96) { out += "# \(line)\n" }
            if let value = key.write(self) {
                out += "\(key.key) = \(Self.quotedIfNeeded(value))\n"
            } else if let example = key.example {
                out += "# \(key.key) = \(example)\n"
            }
        }
        return out
    }

    /// The file `ciid init` writes on `day`.
    public func rendered(createdOn day: Day) -> String {
        rendered(heading: "ciid node configuration, written by `ciid init` on \(day.iso).")
    }

    /// `host:port`, an IPv6 host in brackets.
    static func rendered(_ host: String, _ port: Int) -> String { "\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    /// A value in quotes when it holds a `#` or begins or ends with a space.
    static func quotedIfNeeded(_ value: String) -> String {
        value.contains("#") || value.first?.isWhitespace == true || value.last?.isWhitespace == true ? "\"\(value)\"" : value
    }

    /// `text` cut into lines of at most `width` characters, at spaces.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " \(word)"
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
