import CIICore
import Foundation

/// Every top-level field of a body that does not decode as `T`, where the standard decoder
/// stops at the first: each field is decoded on its own (a missing required one is `required`,
/// one of the wrong type or value `invalid_value`, with the path inside it), and a
/// ``Placeholder`` stands in for it so that the next field is looked at too.
enum FieldProblems {
    /// The problems of `object`'s fields for `type` (empty when none is found, e.g. for a type
    /// that is not read as an object); `path` prefixes each field.
    static func of<T: Decodable>(_ type: T.Type, in object: [String: Any], path: String?) -> [RegistryAPIError.Problem] {
        let collector = ProblemCollector()
        _ = try? T(from: FieldDecoder(object: object, path: path, collector: collector))
        return collector.problems
    }
}
