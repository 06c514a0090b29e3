/// One setting of `ciid.conf`, declared once: its name, what it takes, its help text, how it is
/// read into a ``NodeConfiguration`` and how it is written back. The file is parsed, written
/// (`ciid init`) and documented (`ciid config reference`, `docs/configuration.md`) from the
/// list of these declarations, ``NodeConfiguration/keys``; a key's default is the value of a
/// new ``NodeConfiguration``.
public struct ConfigKey: Sendable {
    /// `section.key`, as in the file's `[section]` and `key = value`.
    public let name: String
    /// What the value may be, for people: `a whole number from 1 to 60`.
    public let kind: String
    /// What the setting does, in one paragraph (written above it, as a comment).
    public let help: String
    /// Whether the file must set it.
    public let required: Bool
    /// Shown, commented out, when the setting is unset.
    public let example: String?
    /// Reads the file's value into the configuration.
    let read: @Sendable (inout NodeConfiguration, ConfigFile.Value, _ file: String) throws(ConfigError) -> Void
    /// The value the file holds for `configuration`, or nil when it is unset.
    let write: @Sendable (_ configuration: NodeConfiguration) -> String?

    /// The value `configuration` writes for this key, or nil when it leaves it unset.
    public func value(in configuration: NodeConfiguration) -> String? { write(configuration) }

    /// The section: `access` for `access.code_minutes`.
    public var section: String { String(name.prefix { $0 != "." }) }
    /// The key inside its section: `code_minutes`.
    public var key: String { String(name.drop { $0 != "." }.dropFirst()) }

    /// A setting read and written by the given functions.
    init(
        _ name: String,
        kind: String,
        help: String,
        required: Bool = false,
        example: String? = nil,
        read: @escaping @Sendable (inout NodeConfiguration, ConfigFile.Value, String) throws(ConfigError) -> Void,
        write: @escaping @Sendable (NodeConfiguration) -> String?
    ) {
        self.name = name
        self.kind = kind
        self.help = help
        self.required = required
        self.example = example
        self.read = read
        self.write = write
    }

    /// The error for a bad value of this key, on its line.
    func error(_ value: ConfigFile.Value, _ file: String, _ reason: String) -> ConfigError {
        ConfigError(file: file, line: value.line, reason)
    }
}

extension ConfigKey {
    /// A whole number in `range`.
    static func integer(
        _ name: String,
        _ path: any WritableKeyPath<NodeConfiguration, Int> & Sendable,
        _ range: ClosedRange<Int>,
        help: String
    ) -> ConfigKey {
        ConfigKey(
            name,
            kind: "a whole number from \(range.lowerBound) to \(range.upperBound)",
            help: help,
            read: { configuration, value, file throws(ConfigError) in
                configuration[keyPath: path] = try parseInteger(value, range: range, name: name, file: file)
            },
            write: { "\($0[keyPath: path])" }
        )
    }

    /// A text, checked by `problem` (which returns what is wrong, or nil).
    static func text(
        _ name: String,
        _ path: any WritableKeyPath<NodeConfiguration, String> & Sendable,
        kind: String = "a text",
        help: String,
        problem: (@Sendable (String) -> String?)? = nil
    ) -> ConfigKey {
        ConfigKey(
            name,
            kind: kind,
            help: help,
            read: { configuration, value, file throws(ConfigError) in
                if let reason = problem?(value.text) { throw ConfigError(file: file, line: value.line, reason) }
                configuration[keyPath: path] = value.text
            },
            write: { $0[keyPath: path] }
        )
    }

    /// A text that may be left unset, checked by `problem`.
    static func optionalText(
        _ name: String,
        _ path: any WritableKeyPath<NodeConfiguration, String?> & Sendable,
        kind: String = "a text",
        example: String,
        help: String,
        problem: (@Sendable (String) -> String?)? = nil
    ) -> ConfigKey {
        ConfigKey(
            name,
            kind: kind,
            help: help,
            example: example,
            read: { configuration, value, file throws(ConfigError) in
                if let reason = problem?(value.text) { throw ConfigError(file: file, line: value.line, reason) }
                configuration[keyPath: path] = value.text
            },
            write: { $0[keyPath: path] }
        )
    }

    /// Reads a whole number in `range`, or says what is expected.
    static func parseInteger(_ value: ConfigFile.Value, range: ClosedRange<Int>, name: String, file: String) throws(ConfigError) -> Int {
        guard let number = Int(value.text), range.contains(number) else {
            throw ConfigError(
                file: file,
                line: value.line,
                "\(name) is a whole number from \(range.lowerBound) to \(range.upperBound), not `\(value.text)`"
            )
        }
        return number
    }
}
