import CIICore
import CIIRegistry

/// Values that stand in for a field that did not decode, so that decoding goes on to the next
/// field and finds its problems too (``FieldProblems``). Never used for a request that is then
/// served: a body with a problem is refused.
enum Placeholder {
    /// A value of `type`: its first case, a fixed day or amount, nil, or what the type decodes from
    /// empty containers and zero values.
    /// - Throws: when the type decodes from nothing of the kind (then the search stops there).
    static func value<T: Decodable>(_ type: T.Type) throws -> T {
        if let cases = T.self as? any CaseIterable.Type, let first = firstCase(cases) as? T { return first }
        if let day = Day(daysSince1970: 0) as? T { return day }
        if let money = Money(centimes: 0) as? T { return money }
        if let optional = T.self as? any ExpressibleByNilLiteral.Type, let none = optional.init(nilLiteral: ()) as? T { return none }
        return try T(from: PlaceholderDecoder())
    }

    static func firstCase<C: CaseIterable>(_ type: C.Type) -> Any? { type.allCases.first }
}
