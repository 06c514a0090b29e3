import CIICore

/// Builds the rejects of one row, with their codes and English reasons. A reason names the
/// row's person by the masked AVS number at most, never by the number.
struct RejectMaker {
    /// The line on which the row starts.
    let line: Int
    /// The header names.
    let names: [String]
    /// The row's AVS number, once it is known to be valid: reasons show its masked form.
    var avs: AVSNumber?

    /// The same maker, naming the row's person by `avs`'s masked form.
    func about(_ avs: AVSNumber) -> RejectMaker {
        var copy = self
        copy.avs = avs
        return copy
    }

    func unbalancedQuote(fields: Int, expected: Int, lastLine: Int) -> RowReject {
        make(
            nil,
            "row.unbalanced_quote",
            "A quoted field runs from line \(line) to line \(lastLine) and the row has \(fields) fields instead of \(expected): a quote (\") is probably unbalanced, and the lines in between were not read as rows."
        )
    }

    func tooFewFields(fields: Int, missing: Int) -> RowReject {
        make(
            missing,
            "row.too_few_fields",
            "The row has \(fields) field\(fields == 1 ? "" : "s"); the column \"\(names[missing])\" is number \(missing + 1)."
        )
    }

    func avs(_ error: AVSNumberError, column: Int) -> RowReject {
        make(column, error.code.rawValue, error.message(.en))
    }

    func startInvalid(column: Int) -> RowReject {
        make(column, "date.start_invalid", "The start date is empty or not a date: write dd.mm.yyyy or yyyy-mm-dd.")
    }

    func startInFuture(_ start: Day, today: Day, column: Int) -> RowReject {
        make(column, "date.start_in_future", "The follow-up starts on \(start.swiss), after today (\(today.swiss)).")
    }

    func lastInvalid(column: Int) -> RowReject {
        make(
            column,
            "date.last_invalid",
            "The last follow-up date is not a date: write dd.mm.yyyy or yyyy-mm-dd, or leave it empty while the follow-up goes on."
        )
    }

    func lastBeforeStart(_ last: Day, start: Day, column: Int) -> RowReject {
        make(column, "date.last_before_start", "The last follow-up (\(last.swiss)) is before the start (\(start.swiss)).")
    }

    func caseworkerInvalid(tooLong: Bool, column: Int) -> RowReject {
        make(
            column,
            "caseworker.invalid",
            tooLong
                ? "The caseworker identifier is longer than \(CaseworkerField.maximumLength) characters."
                : "The caseworker identifier holds a control character (a line break or a tab)."
        )
    }

    /// The reason does not repeat the identifier: it may be a person's AVS number.
    func caseworkerIsAVS(column: Int) -> RowReject {
        make(
            column,
            "caseworker.is_avs",
            "The caseworker identifier looks like an AVS number (756 and ten more digits), which the node never stores: give the caseworker's identifier, or leave the cell empty."
        )
    }

    func referenceTooLong(column: Int) -> RowReject {
        make(column, "reference.too_long", "The dossier reference is longer than \(CaseworkerField.maximumLength) characters.")
    }

    func referenceControl(column: Int) -> RowReject {
        make(column, "reference.control", "The dossier reference holds a control character (a line break or a tab).")
    }

    /// The reason does not repeat the reference: it may be a person's AVS number.
    func referenceIsAVS(column: Int) -> RowReject {
        make(
            column,
            "reference.is_avs",
            "The dossier reference looks like an AVS number (756 and ten more digits), which the node never stores: give the institution's own dossier number, or leave the cell empty."
        )
    }

    private func make(_ column: Int?, _ code: String, _ reason: String) -> RowReject {
        RowReject(line: line, column: column.map { names[$0] } ?? "", code: code, reason: avs.map { "\(reason) (AVS \($0.masked))" } ?? reason)
    }
}
