public import CIIStore
import Foundation

/// The respondents the bureau keeps in `DATA/respondents.json`: a JSON array of
/// `{"name", "dispositif", "region", "phone", "email"}` (see the admin guide). Read anew at each
/// publication, so an edit reaches the members at their next fetch.
public struct RespondentFile: RespondentSource {
    /// The file.
    public let path: String

    /// `DATA/respondents.json` of a node.
    public static func path(of node: NodeDirectory) -> String { "\(node.root)/respondents.json" }

    /// The source reading `path`.
    public init(path: String) { self.path = path }

    /// The file's entries; nil when there is no file.
    /// - Throws: ``FederationError`` `malformed` naming the first bad entry by its position.
    public func respondents() throws(FederationError) -> [RespondentEntry]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let entries: [RespondentEntry]
        do {
            entries = try JSONDecoder().decode([RespondentEntry].self, from: data)
        } catch {
            throw FederationError(
                .malformed,
                "\(path) is not a JSON array of {\"name\", \"dispositif\", \"region\", \"phone\", \"email\"} (dispositif one of ORP, CMS, OAI, OSP, OASI, T1)"
            )
        }
        for (index, entry) in entries.enumerated() {
            if let problem = entry.problem { throw FederationError(.malformed, "\(path), entry \(index + 1): \(problem)") }
        }
        return entries
    }
}
