import CIIImport

/// A column of the registry's CSV format: one of the row's fields, or a field of a service group.
public enum RegistryColumn: Sendable, Hashable {
    /// A column that appears once.
    case field(RegistryField)
    /// A column of service group `n` (1…``ServiceField/maximumGroups``).
    case service(Int, ServiceField)

    /// The technical key (`announced_on`, `service1_start`).
    public var key: String {
        switch self {
        case .field(let field): field.rawValue
        case .service(let n, let field): field.key(n)
        }
    }

    /// The French header.
    public var french: String {
        switch self {
        case .field(let field): field.french
        case .service(let n, let field): field.french(n)
        }
    }

    /// The German header.
    public var german: String {
        switch self {
        case .field(let field): field.german
        case .service(let n, let field): field.german(n)
        }
    }

    /// The column a header names (French, German or the key, compared without case, accents,
    /// spaces or punctuation); `nil` for a header the format does not know.
    public init?(header: String) {
        guard let column = Self.byName[HeaderName.normalized(header)] else { return nil }
        self = column
    }

    /// Every column, services for groups 1…``ServiceField/maximumGroups``.
    static let all: [RegistryColumn] =
        RegistryField.allCases.map { .field($0) }
        + (1...ServiceField.maximumGroups).flatMap { n in ServiceField.allCases.map { .service(n, $0) } }

    private static let byName: [String: RegistryColumn] = {
        var table = [String: RegistryColumn]()
        for column in all {
            for name in [column.key, column.french, column.german] { table[HeaderName.normalized(name)] = column }
        }
        return table
    }()
}
