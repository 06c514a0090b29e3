import CIICore
import CIIImport

/// The values a code cell accepts: the codes, and the French, German and English labels, compared
/// like header names (without case, accents, spaces or punctuation).
struct CodeTable<Value: Hashable & Sendable>: Sendable {
    /// The codes, for messages (`F, M`).
    let codes: String
    private let values: [String: Value]

    /// A table of `cases`, each known by `code` and `labels`.
    init(_ cases: [Value], code: (Value) -> String, labels: (Value) -> [String]) {
        codes = cases.map(code).joined(separator: ", ")
        var values = [String: Value]()
        for value in cases {
            for name in labels(value) + [code(value)] { values[HeaderName.normalized(name)] = value }
        }
        self.values = values
    }

    /// The value `text` names, `nil` when it names none.
    func value(_ text: String) -> Value? { values[HeaderName.normalized(text)] }
}

extension CodeTable where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// A table of every case, known by its raw value, its labels in the three languages and `extra` names.
    init(_ type: Value.Type, label: ((Value, Language) -> String)?, extra: [Value: [String]] = [:]) {
        self.init(Array(Value.allCases), code: \.rawValue) { value in
            (label.map { label in Language.allCases.map { label(value, $0) } } ?? []) + (extra[value] ?? [])
        }
    }
}
