public import CIICore
import Foundation
public import GRDB

extension Fingerprint: DatabaseValueConvertible {
    /// A BLOB of the fingerprint's width (16 or 32 bytes).
    public var databaseValue: DatabaseValue { Data(bytes).databaseValue }

    /// Reads a 16- or 32-byte BLOB; `nil` for anything else.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Fingerprint? {
        guard let data = Data.fromDatabaseValue(dbValue) else { return nil }
        return Fingerprint(bytes: data)
    }
}

extension Day: DatabaseValueConvertible {
    /// Days since 1970-01-01, as an INTEGER.
    public var databaseValue: DatabaseValue { Int64(daysSince1970).databaseValue }

    /// Reads days since 1970-01-01.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        Int64.fromDatabaseValue(dbValue).map { Day(daysSince1970: Int32(truncatingIfNeeded: $0)) }
    }
}
