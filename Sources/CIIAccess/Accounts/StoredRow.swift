import GRDB

/// A row copied out of a read transaction, so that it may cross into other tasks (GRDB's `Row` may not).
struct StoredRow: Sendable {
    let values: [DatabaseValue]

    init(_ row: Row) { values = Array(row.databaseValues) }

    @_disfavoredOverload
    subscript<T: DatabaseValueConvertible>(_ index: Int) -> T {
        guard let value = T.fromDatabaseValue(values[index]) else { preconditionFailure("column \(index) holds \(values[index]), not \(T.self)") }
        return value
    }

    subscript<T: DatabaseValueConvertible>(_ index: Int) -> T? {
        values[index].isNull ? nil : T.fromDatabaseValue(values[index])
    }
}

extension AccessStore {
    /// The first row of `sql`, copied out.
    func row(_ sql: String, _ arguments: StatementArguments = []) throws(AccessError) -> StoredRow? {
        try read { db in try Row.fetchOne(try db.cachedStatement(sql: sql), arguments: arguments).map(StoredRow.init) }
    }
}
