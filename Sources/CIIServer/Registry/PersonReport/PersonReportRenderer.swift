public import CIICore
public import CIIRegistry
public import Foundation
import Mustache

/// Renders a ``PersonReport`` (right of access) as JSON, or as one standalone printable HTML
/// document in French or German, every value escaped. The CLI and the bureau's route share it.
public enum PersonReportRenderer {
    /// The compiled template.
    static let template: MustacheTemplate = {
        do {
            return try MustacheTemplate(string: PersonReportTemplate.html)
        } catch {
            preconditionFailure("the person report's template does not parse: \(error)")
        }
    }()

    /// The report as JSON (sorted keys, ISO dates): the API's schema `PersonReport`.
    public static func json(_ report: PersonReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(report)
    }

    /// The report as an HTML document in `language` (German for `.de`, French otherwise), its
    /// `lang` set.
    public static func html(_ report: PersonReport, language: Language) -> String {
        let language: Language = language == .de ? .de : .fr
        return template.render(PersonReportContext(report: report, language: language).values)
    }
}
