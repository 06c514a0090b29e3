public import CIICore
import CIIRegistry

/// One figure of the report as text, for the CSV file and the HTML tables: its section, its name
/// and its value, in one language. Hidden counts read `< 5`.
public struct ReportLine: Sendable, Hashable {
    /// The section's heading.
    public var section: String
    /// The figure's name.
    public var label: String
    /// The value as shown.
    public var value: String

    /// Creates a line.
    public init(section: String, label: String, value: String) {
        self.section = section
        self.label = label
        self.value = value
    }

    /// Every figure of `figures` in `language`, in the report's order.
    public static func lines(_ figures: AnnualFigures, _ language: Language) -> [ReportLine] {
        var lines: [ReportLine] = []
        func add(_ section: LocalizedText, _ label: String, _ value: String) {
            lines.append(ReportLine(section: section(language), label: label, value: value))
        }
        let t = ReportText.self
        add(t.situations, t.situationsTotal(language), String(figures.situations.total))
        add(t.situations, t.adults(language), String(figures.situations.adults))
        add(t.situations, t.youth(language), String(figures.situations.youth))
        for table in figures.tables {
            for row in table.rows + [table.total] {
                let name = row.dispositif.map { $0.code(language) } ?? t.tableTotal(language)
                add(t.table, "\(table.ageGroup.label(language)) · \(name) · \(t.valais(language))", String(row.total))
                for region in Region.allCases {
                    add(t.table, "\(table.ageGroup.label(language)) · \(name) · \(region.label(language))", String(row[region]))
                }
            }
        }
        for service in figures.services { add(t.services, service.type.label(language), String(service.people)) }
        add(t.profile, t.situationsOf(language), String(figures.profile.situations))
        add(t.profile, t.men(language), ReportText.percent(figures.profile.men.share))
        add(t.profile, t.women(language), ReportText.percent(figures.profile.women.share))
        add(t.profile, t.meanAge(language), ReportText.decimal(figures.profile.meanAge))
        for line in figures.profile.education {
            add(t.profile, ReportText.format(t.educationLevel, language, line.level.label(language)), ReportText.percent(line.rate.share))
        }
        add(t.gravity, t.meanIndex(language), ReportText.decimal(figures.gravity.meanIndex))
        add(t.gravity, t.meanFactors(language), ReportText.decimal(figures.gravity.meanRiskFactors))
        add(t.reintegration, t.reintegrationRate(language), ReportText.percent(figures.reintegration.share))
        add(t.reintegration, t.coachingsClosed(language), String(figures.reintegration.total))
        add(t.earlyDetection, t.earlyShare(language), ReportText.percent(figures.earlyDetection.share))
        add(t.earlyDetection, t.earlyKnown(language), String(figures.earlyDetection.total))
        if let simultaneous = figures.simultaneous {
            add(t.simultaneous, t.peopleFollowed(language), simultaneous.people.description)
            add(t.simultaneous, t.peopleSimultaneous(language), simultaneous.simultaneous.description)
            add(t.simultaneous, t.shareSimultaneous(language), cell(simultaneous.simultaneous, simultaneous.share))
            for line in simultaneous.dispositifs {
                let name = line.dispositif.code(language)
                add(t.simultaneous, ReportText.format(t.peopleOf, language, name), line.people.description)
                add(t.simultaneous, ReportText.format(t.alsoAny, language, name), cell(line.anyOther.count, line.anyOther.share))
                for other in line.others {
                    let otherName = other.other?.code(language) ?? ""
                    add(t.simultaneous, ReportText.format(t.alsoBy, language, name, otherName), cell(other.count, other.share))
                }
                add(t.simultaneous, ReportText.format(t.alsoTwo, language, name), cell(line.twoOrMoreOthers.count, line.twoOrMoreOthers.share))
            }
        }
        for kind in figures.trainings.kinds {
            let name = kind.kind.label(language)
            add(t.trainings, ReportText.format(t.events, language, name), String(kind.events))
            add(t.trainings, ReportText.format(t.participants, language, name), String(kind.participants))
            add(t.trainings, ReportText.format(t.frenchSpeaking, language, name), String(kind.frenchSpeaking))
            add(t.trainings, ReportText.format(t.upperValais, language, name), String(kind.upperValais))
        }
        return lines
    }

    /// A share of people from the replica: `< 5` when its count is hidden.
    static func cell(_ count: MaskedCount, _ share: Double?) -> String {
        count.value == nil ? MaskedCount.hiddenText : ReportText.percent(share)
    }
}
