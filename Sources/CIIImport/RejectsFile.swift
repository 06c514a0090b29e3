import Foundation

/// The list of rejected rows written next to an input: `<input>.rejects.csv`, `;`-separated
/// UTF-8 with the header `line;column;code;reason`.
public struct RejectsFile: Sendable {
    /// Where the file goes.
    public let path: String

    /// The rejects file of the input at `inputPath`.
    public init(forInput inputPath: String) {
        path = inputPath + ".rejects.csv"
    }

    /// A rejects file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The CSV text of `rejects`.
    public static func text(_ rejects: [RowReject]) -> String {
        var out = "line;column;code;reason\n"
        for reject in rejects {
            out += "\(reject.line);\(quoted(reject.column));\(quoted(reject.code));\(quoted(reject.reason))\n"
        }
        return out
    }

    /// Writes `rejects`, replacing any previous file at once.
    /// - Throws: ``ImportError/Code/cannotWrite``.
    public func write(_ rejects: [RowReject]) throws(ImportError) {
        do {
            try Data(Self.text(rejects).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ImportError(.cannotWrite, "Cannot write the rejects file \(path): \(error.localizedDescription). Nothing was imported.")
        }
    }

    /// Removes a file left by an earlier import.
    public func removeStale() {
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
