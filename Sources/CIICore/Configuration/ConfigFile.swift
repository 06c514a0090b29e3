/// A configuration file of `[section]` headers and `key = value` lines, with `#` comments:
/// the subset of TOML that people edit without surprises.
///
/// Values may be quoted (`"..."`) to keep a `#` or surrounding spaces.
public struct ConfigFile: Sendable {
    /// One value with the line it came from, for error messages.
    public struct Value: Sendable {
        /// The text of the value, without quotes.
        public let text: String
        /// Its 1-based line number.
        public let line: Int
    }

    /// Values by `section.key`.
    public private(set) var values: [String: Value] = [:]

    /// Parses `text`.
    /// - Throws: ``ConfigError`` with the line number of the first line that is not understood.
    public init(parsing text: String, file: String) throws(ConfigError) {
        var section = ""
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = Self.stripComment(rawLine).trimmed
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else { throw ConfigError(file: file, line: number, "a section header looks like [name]") }
                section = String(line.dropFirst().dropLast()).trimmed
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigError(file: file, line: number, "expected `key = value`")
            }
            let key = String(line[..<equals]).trimmed
            var value = String(line[line.index(after: equals)...]).trimmed
            guard !key.isEmpty else { throw ConfigError(file: file, line: number, "a key is missing before `=`") }
            if value.hasPrefix("\"") {
                guard value.count >= 2, value.hasSuffix("\"") else { throw ConfigError(file: file, line: number, "a quoted value must end with \"") }
                value = String(value.dropFirst().dropLast())
            }
            let name = section.isEmpty ? key : "\(section).\(key)"
            guard values[name] == nil else {
                throw ConfigError(file: file, line: number, "`\(name)` is set twice (first on line \(values[name]!.line))")
            }
            values[name] = Value(text: value, line: number)
        }
    }

    private static func stripComment(_ line: Substring) -> String {
        var inQuotes = false
        var out = ""
        for character in line {
            if character == "\"" { inQuotes.toggle() }
            if character == "#", !inQuotes { break }
            out.append(character)
        }
        return out
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// A configuration that cannot be used, with the file and line to fix.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public let file: String
    /// The 1-based line, or nil for a missing setting.
    public let line: Int?
    /// What is wrong and what is expected.
    public let reason: String

    /// Creates an error.
    public init(file: String, line: Int?, _ reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `ciid.conf:12: …`.
    public var description: String {
        line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
    }
}
