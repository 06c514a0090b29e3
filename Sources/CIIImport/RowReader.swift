import CIICore

/// Applies the row rules to one data record.
struct RowReader {
    /// What a row gives.
    enum Outcome {
        /// The row passed every rule.
        case valid(ValidRow)
        /// The row was refused.
        case rejected(RowReject)
    }

    /// Where the columns are.
    let columns: ColumnMap
    /// The day of the import: no start after it, and last follow-ups are capped at it.
    let today: Day

    /// Reads `record`.
    func read(_ record: CSVRecord) -> Outcome {
        var reject = RejectMaker(line: record.line, names: columns.names)
        if record.lastLine > record.line, record.count != columns.names.count {
            return .rejected(reject.unbalancedQuote(fields: record.count, expected: columns.names.count, lastLine: record.lastLine))
        }
        if record.count < columns.required {
            let missing = [columns.avs, columns.start, columns.last].filter { $0 >= record.count }.min()!
            return .rejected(reject.tooFewFields(fields: record.count, missing: missing))
        }
        let parsed = record.withField(columns.avs) { bytes in
            Result { () throws(AVSNumberError) -> AVSNumber in try AVSNumber(utf8: bytes) }
        }
        let avs: AVSNumber
        switch parsed {
        case .success(let number): avs = number
        case .failure(let error): return .rejected(reject.avs(error, column: columns.avs))
        }
        reject = reject.about(avs)
        guard case .day(let start) = record.withField(columns.start, DateField.init) else {
            return .rejected(reject.startInvalid(column: columns.start))
        }
        guard start <= today else { return .rejected(reject.startInFuture(start, today: today, column: columns.start)) }
        var last = today
        switch record.withField(columns.last, DateField.init) {
        case .empty: break
        case .invalid: return .rejected(reject.lastInvalid(column: columns.last))
        case .day(let day): last = day
        }
        guard last >= start else { return .rejected(reject.lastBeforeStart(last, start: start, column: columns.last)) }
        var caseworker: String?
        if let index = columns.caseworker, index < record.count {
            switch record.withField(index, CaseworkerField.init) {
            case .empty: break
            case .identifier(let text):
                // A caseworker id is stored and shown in the inbox: never an AVS number typed there by mistake.
                guard !ReferenceField.holdsAVSNumber(text) else { return .rejected(reject.caseworkerIsAVS(column: index)) }
                caseworker = text
            case .tooLong: return .rejected(reject.caseworkerInvalid(tooLong: true, column: index))
            case .control: return .rejected(reject.caseworkerInvalid(tooLong: false, column: index))
            }
        }
        var reference: String?
        if let index = columns.reference, index < record.count {
            switch record.withField(index, ReferenceField.init) {
            case .empty: break
            case .reference(let text): reference = text
            case .tooLong: return .rejected(reject.referenceTooLong(column: index))
            case .control: return .rejected(reject.referenceControl(column: index))
            case .avsNumber: return .rejected(reject.referenceIsAVS(column: index))
            }
        }
        return .valid(
            ValidRow(avs: avs, startedOn: start, lastOn: min(last, today), caseworker: caseworker, reference: reference, clamped: last > today)
        )
    }
}
