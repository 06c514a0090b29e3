import Foundation
import Hummingbird

/// The fields of a submitted form (`application/x-www-form-urlencoded`), first value of each name.
public struct FormData: Sendable {
    /// Each field's first value, by name, percent-decoded (`+` read as a space).
    public let fields: [String: String]

    /// The first value of the field `name`, if the form has one.
    public subscript(_ name: String) -> String? { fields[name] }

    /// Reads at most 64 KiB of form body.
    static func read(_ request: Request, context: some RequestContext) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        return FormData(parsing: String(buffer: buffer))
    }

    /// Reads a form body; a name or value that is not valid percent-encoding reads as empty.
    public init(parsing text: String) {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (raw: Substring) in String(raw).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        self.fields = fields
    }
}
