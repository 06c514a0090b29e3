/// Whose overlaps a list shows: the overlaps the import routed to one caseworker, and for an
/// admin also those that name nobody, or nobody among the active accounts.
public struct OverlapAudience: Sendable, Hashable {
    /// The caseworker identifier (or e-mail) the import names for the reader, in lower case.
    public var caseworker: String
    /// For an admin: the identifiers of every active account, in lower case; nil for a caseworker.
    public var claimed: [String]?

    /// The overlaps of one caseworker.
    public static func caseworker(_ name: String) -> OverlapAudience {
        OverlapAudience(caseworker: name.lowercased(), claimed: nil)
    }

    /// The overlaps of an admin: their own, and those no active account claims.
    /// - Parameters:
    ///   - name: the admin's own caseworker identifier or e-mail.
    ///   - claimed: the identifiers of every active account.
    public static func admin(_ name: String, claimed: [String]) -> OverlapAudience {
        OverlapAudience(caseworker: name.lowercased(), claimed: claimed.map { $0.lowercased() })
    }

    /// The SQL condition on `overlap_event` and its arguments.
    var condition: (sql: String, arguments: [String]) {
        guard let claimed else { return ("lower(caseworker) = ?", [caseworker]) }
        let marks = Array(repeating: "?", count: claimed.count).joined(separator: ", ")
        let unclaimed = claimed.isEmpty ? "1" : "lower(caseworker) NOT IN (\(marks))"
        return ("(lower(caseworker) = ? OR caseworker IS NULL OR \(unclaimed))", [caseworker] + claimed)
    }
}
