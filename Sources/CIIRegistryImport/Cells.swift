import CIICore
import CIIImport
import CIIRegistry
import Foundation

/// The cells of one row, read by column, with the problems of the ones that cannot be read.
struct Cells {
    /// The row.
    let row: CSVRow
    /// Where the columns are.
    let columns: RegistryColumnMap
    /// The problems found so far.
    private(set) var problems: [RowProblem] = []

    /// Starts reading `row`.
    init(row: CSVRow, columns: RegistryColumnMap) {
        self.row = row
        self.columns = columns
    }

    /// Adds a problem.
    mutating func problem(_ column: RegistryColumn?, _ code: String, _ message: LocalizedText) {
        problems.append(RowProblem(column: column, code: code, message: message))
    }

    /// The text of `column` (empty when the file has no such column).
    func text(_ column: RegistryColumn) -> String {
        columns.index[column].map { row[$0] } ?? ""
    }

    /// The day in `column`; `nil` when empty (a problem when `required`) or not a date (a problem).
    mutating func date(_ column: RegistryColumn, required: Bool = true) -> Day? {
        let text = text(column)
        switch DateField(text: text) {
        case .day(let day): return day
        case .empty: if required { problem(column, "required", Messages.required) }
        case .invalid: problem(column, "invalid_date", Messages.invalidDate)
        }
        return nil
    }

    /// The code in `column`; `nil` when empty (a problem when `required`) or unknown (a problem).
    mutating func code<Value>(_ column: RegistryColumn, _ table: CodeTable<Value>, required: Bool = true) -> Value? {
        let text = text(column)
        if text.isEmpty {
            if required { problem(column, "required", Messages.required) }
            return nil
        }
        guard let value = table.value(text) else {
            problem(column, "unknown_code", Messages.unknownCode(table.codes))
            return nil
        }
        return value
    }

    /// The risk factors, codes separated by `|`; unknown ones are a problem.
    mutating func riskFactors() -> [RiskFactor] {
        let column = RegistryColumn.field(.riskFactors)
        var factors = [RiskFactor]()
        var unknown = 0
        for item in text(column).split(whereSeparator: { $0 == "|" || $0 == "\n" || $0 == "\r" }) {
            let name = item.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            if let factor = CellCodes.riskFactor.value(name) { factors.append(factor) } else { unknown += 1 }
        }
        if unknown > 0 { problem(column, "unknown_code", Messages.unknownFactors(unknown, CellCodes.riskFactor.codes)) }
        return factors
    }

    /// The gravity index the export writes (ignored): only checked to be a number from 0 to 6.5.
    mutating func gravityIndex() -> Double? {
        let column = RegistryColumn.field(.gravityIndex)
        let text = text(column)
        if text.isEmpty { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), (0...6.5).contains(value) else {
            problem(column, "out_of_range", Messages.gravityIndex)
            return nil
        }
        return value
    }
}
