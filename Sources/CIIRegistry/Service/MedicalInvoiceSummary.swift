public import CIICore

/// The yearly summary of medical mandates re-invoiced to each announcing dispositif (JSON through
/// `Codable`, CSV through ``csv``).
public struct MedicalInvoiceSummary: Sendable, Hashable, Codable {
    /// The calendar year of the requests.
    public var year: Int
    /// One line per dispositif with requests, in the order of ``Dispositif/allCases``.
    public var lines: [MedicalInvoiceLine]
    /// The sum of every line.
    public var total: Money

    /// Sums the SMR requests dated in `year` of `periods` by announcing dispositif.
    public init(year: Int, periods: [CasePeriod]) {
        var lines = [Dispositif: MedicalInvoiceLine]()
        for period in periods {
            let requests = period.medicalMandate.filter { $0.date.components.year == year }
            guard !requests.isEmpty else { continue }
            let dispositif = period.announcement.dispositif
            var line = lines[dispositif] ?? MedicalInvoiceLine(dispositif: dispositif, cases: 0, requests: 0, total: .zero)
            line.cases += 1
            line.requests += requests.count
            line.total = requests.reduce(line.total) { $0 + $1.cost }
            lines[dispositif] = line
        }
        self.year = year
        self.lines = Dispositif.allCases.compactMap { lines[$0] }
        self.total = self.lines.reduce(.zero) { $0 + $1.total }
    }

    /// `dispositif;cases;requests;total_chf` lines (semicolons, as Swiss spreadsheets read them),
    /// with a header in `language` and a total line.
    public func csv(_ language: Language) -> String {
        let header =
            switch language {
            case .fr: "dispositif;cas;demandes;total_chf"
            case .de: "stelle;faelle;auftraege;total_chf"
            case .en: "dispositif;cases;requests;total_chf"
            }
        let rows = lines.map { "\($0.dispositif.code(language));\($0.cases);\($0.requests);\($0.total.plain)" }
        let totalLabel = LocalizedText(fr: "TOTAL", de: "TOTAL", en: "TOTAL")(language)
        let sum = "\(totalLabel);\(lines.reduce(0) { $0 + $1.cases });\(lines.reduce(0) { $0 + $1.requests });\(total.plain)"
        return ([header] + rows + [sum]).joined(separator: "\r\n") + "\r\n"
    }
}
