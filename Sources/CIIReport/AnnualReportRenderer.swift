public import CIICore
public import Foundation

/// Writes an ``AnnualReport`` as JSON (codes, numbers, `"< 5"` for hidden counts), as CSV (one
/// line per figure, the year and the previous year side by side) or as HTML (in `+html`).
public enum AnnualReportRenderer {
    /// The report as JSON: the ``AnnualReport`` value, keys sorted, indented.
    public static func json(_ report: AnnualReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(report)
    }

    /// The report as CSV (`;` as the project's other CSV files and Swiss spreadsheets expect,
    /// UTF-8, CRLF, quotes as RFC 4180): section, figure, the year, the previous year (empty when
    /// the registry does not hold it). Percentages are whole numbers.
    public static func csv(_ report: AnnualReport, language: Language) -> String {
        let previous = report.previous.map { previousValues($0, language) } ?? [:]
        var rows = [[ReportText.section(language), ReportText.figure(language), String(report.year), String(report.year - 1)]]
        for line in ReportLine.lines(report.figures, language) {
            rows.append([line.section, line.label, line.value, previous[key(line)] ?? ""])
        }
        return rows.map { $0.map(csvField).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The previous year's values by section and figure.
    static func previousValues(_ figures: AnnualFigures, _ language: Language) -> [String: String] {
        var values: [String: String] = [:]
        for line in ReportLine.lines(figures, language) { values[key(line)] = line.value }
        return values
    }

    /// What matches a line of one year with the same line of another.
    static func key(_ line: ReportLine) -> String { "\(line.section)\u{1F}\(line.label)" }

    /// A CSV field, quoted when it holds a semicolon, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
