import CIICore
import Foundation

/// One field, wrapped so that any JSON value (a string, a number) is decoded as a document.
struct WrappedField<T: Decodable>: Decodable {
    let v: T
}
