import Foundation

/// Turns a change of a case into history entries, one per field that changed, with the old and
/// the new value as JSON fragments.
enum HistoryDiff {
    /// The tabs whose values stay sealed in the history.
    static let sealedTabs: Set<CaseTab> = [.situation, .logbook]

    /// The entries for the change from `before` to `after`.
    static func entries(from before: CasePeriod, to after: CasePeriod, actor: String, at date: Date) -> [HistoryEntry] {
        let old = flatten(before)
        let new = flatten(after)
        return Set(old.keys).union(new.keys).sorted().compactMap { field in
            guard old[field] != new[field] else { return nil }
            var entry = HistoryEntry(
                caseID: after.id,
                at: date,
                actor: actor,
                field: field,
                oldValue: old[field],
                newValue: new[field],
                sealed: false
            )
            entry.sealed = sealedTabs.contains(entry.tab) || field.hasPrefix("cancellation")
            return entry
        }
    }

    /// Every leaf of the case's tabs (not the id, person or ETag) by path.
    static func flatten(_ period: CasePeriod) -> [String: String] {
        var tabs = period
        tabs.etag = CaseETag(version: 1)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(tabs), var object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let details = try? encoder.encode(PersonDetails(period.person)), let person = try? JSONSerialization.jsonObject(with: details)
        else { return [:] }
        for key in ["id", "personID", "etag"] { object.removeValue(forKey: key) }
        object["person"] = person  // without the AVS number, which never changes
        var leaves = [String: String]()
        flatten(object, path: "", into: &leaves)
        return leaves
    }

    private static func flatten(_ value: Any, path: String, into leaves: inout [String: String]) {
        if let object = value as? [String: Any] {
            for (key, child) in object { flatten(child, path: path.isEmpty ? key : "\(path).\(key)", into: &leaves) }
        } else if let array = value as? [Any] {
            if array.isEmpty { leaves[path] = "[]" }
            for (index, child) in array.enumerated() { flatten(child, path: "\(path)[\(index)]", into: &leaves) }
        } else if !(value is NSNull) {
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes])
            leaves[path] = data.flatMap { String(data: $0, encoding: .utf8) } ?? "\(value)"
        }
    }
}
