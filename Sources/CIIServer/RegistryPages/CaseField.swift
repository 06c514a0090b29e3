import CIICore

/// One input of a case form as the templates draw it: its name is the path the registry's
/// validation reports problems on (`announcement.announcedOn`, `services[1].end`), so a problem
/// lands next to its input; read-only pages show the same fields as text.
struct CaseField: Sendable {
    /// How the input is drawn.
    enum Kind: Sendable {
        /// A one-line text.
        case text
        /// A date (`AAAA-MM-JJ` or `JJ.MM.AAAA`), drawn as text with a hint.
        case date
        /// A free text of several lines.
        case textarea
        /// A choice in a list.
        case select
        /// Several boxes to tick (each named `name.value`).
        case checks
    }

    /// The input's name: the path of the value in the tab.
    var name: String
    /// The label, in the page's language.
    var label: String
    var kind: Kind
    /// The value as typed (or as the case holds it).
    var value = ""
    /// The choices of a select or of the boxes: value and label.
    var options: [(value: String, label: String)] = []
    /// The ticked boxes.
    var checked: Set<String> = []
    /// Whether a select offers an empty choice.
    var optional = false
    /// What is wrong with the value, in the page's language.
    var error: String?
    /// A hint under the label.
    var hint: String?
    /// Shown as text even in a form (what the tab cannot change, such as the AVS number).
    var readOnly = false

    /// The HTML id: the name with anything but letters and digits turned into dashes.
    var id: String { Self.id(name) }

    /// The input a problem of the registry belongs to: its field, except for a power of attorney
    /// as a whole (missing), whose input is its start.
    static func input(_ field: String) -> String {
        field.hasSuffix("powerOfAttorney") ? field + ".start" : field
    }

    /// `f-services-1-end` for `services[1].end`.
    static func id(_ name: String) -> String {
        var out = "f-"
        for scalar in name.unicodeScalars {
            let keep = (65...90).contains(scalar.value) || (97...122).contains(scalar.value) || (48...57).contains(scalar.value)
            if keep {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// The value as read-only text: the label of the chosen option, the ticked boxes' labels.
    var display: String {
        switch kind {
        case .select: options.first(where: { $0.value == value })?.label ?? value
        case .checks: options.filter { checked.contains($0.value) }.map(\.label).joined(separator: ", ")
        case .date: Day(parsing: value)?.swiss ?? value
        default: value
        }
    }

    /// The field for a template. Every key is set (false when absent), so that a section never
    /// finds a key of the page around it (the page's own `error`, for one).
    func context() -> [String: Any] {
        var data: [String: Any] = [
            "id": id, "name": name, "label": label, "value": value, "display": display,
            "is_text": kind == .text, "is_date": kind == .date, "is_textarea": kind == .textarea, "is_select": kind == .select,
            "is_checks": kind == .checks, "optional": optional, "read_only": readOnly,
            "error": error.map { $0 as Any } ?? false, "hint": hint.map { $0 as Any } ?? false, "describedby": false,
        ]
        let ids = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        if !ids.isEmpty { data["describedby"] = ids.joined(separator: " ") }
        data["options"] = options.enumerated().map { index, option -> [String: Any] in
            [
                "value": option.value, "label": option.label, "id": "\(id)-\(index)", "name": "\(name).\(option.value)",
                "selected": option.value == value, "checked": checked.contains(option.value),
            ]
        }
        return data
    }
}
