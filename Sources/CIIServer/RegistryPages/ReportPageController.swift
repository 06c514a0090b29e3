import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import CIIReport
import Hummingbird
import Logging
import NIOCore

/// The bureau's annual report on the coordinator: `GET /registry/report?year=Y[&format=csv|json]`
/// shows the report of year Y (last year by default) inside the site's layout, with a year
/// chooser and the CSV and JSON downloads. Only the bureau's group reaches it (its role
/// middleware); each report shown or downloaded is audited as a registry read first.
struct ReportPageController: Sendable {
    let registry: RegistryPages
    let reporter: AnnualReporter

    /// The years the chooser offers, newest first.
    static let yearsShown = 10

    func addRoutes(to bureau: RouterGroup<NodeRequestContext>) {
        bureau.get("/registry/report") { request, context in try await report(request, context: context) }
        bureau.get("/registry/report.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "private, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: AnnualReportStyle.css))
            )
        }
    }

    func report(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        let language: Language = state.language == .de ? .de : .fr
        let texts = PageText.texts(state.language)
        // The bureau's group has let only the bureau through; nil means the account changed meanwhile.
        guard let actor = registry.actor(context) else {
            return registry.pages.renderer.message(
                texts["error_title"]!,
                texts["forbidden"]!,
                back: registry.pages.renderer.home,
                state: state,
                status: .forbidden
            )
        }
        let thisYear = registry.pages.today().components.year
        var year = thisYear - 1
        if let text = request.uri.queryParameters["year"] {
            guard let given = Int(String(text)), (2000...thisYear).contains(given) else {
                let message = LocalizedText(
                    fr: "Choisissez une année de 2000 à \(thisYear).",
                    de: "Wählen Sie ein Jahr von 2000 bis \(thisYear).",
                    en: "Choose a year from 2000 to \(thisYear)."
                )
                return page(year: thisYear - 1, thisYear: thisYear, report: nil, yearError: message(language), state: state, status: .badRequest)
            }
            year = given
        }
        let format = request.uri.queryParameters["format"].map(String.init) ?? "html"
        guard ["html", "csv", "json"].contains(format) else {
            let message = LocalizedText(
                fr: "Format inconnu : html, csv ou json.",
                de: "Unbekanntes Format: html, csv oder json.",
                en: "Unknown format: html, csv or json."
            )
            return registry.pages.renderer.message(
                texts["error_title"]!,
                message(language),
                back: "/registry/report",
                state: state,
                status: .badRequest
            )
        }
        let report: AnnualReport
        do {
            report = try await reporter.report(year: year, today: registry.pages.today())
        } catch {
            context.logger.error("the annual report \(year) failed: \(error)")
            return registry.pages.renderer.message(
                texts["error_title"]!,
                error.message(language),
                back: "/registry/report",
                state: state,
                status: .serviceUnavailable
            )
        }
        do {
            try await registry.auditor.commit(
                .registryRead,
                actor,
                subject: nil,
                [("what", "annual-report"), ("year", String(year)), ("format", format)]
            )
        } catch {
            let message = LocalizedText(
                fr: "Le journal d'audit ne peut pas être écrit : rien n'est affiché. Réessayez plus tard.",
                de: "Das Audit-Protokoll kann nicht geschrieben werden: nichts wird angezeigt. Versuchen Sie es später.",
                en: "The audit log cannot be written: nothing is shown. Try again later."
            )
            return registry.pages.renderer.message(
                texts["error_title"]!,
                message(language),
                back: "/registry/report",
                state: state,
                status: .serviceUnavailable
            )
        }
        switch format {
        case "csv":
            return download(
                AnnualReportRenderer.csv(report, language: language),
                type: "text/csv; charset=utf-8",
                name: "cii-\(year)-\(language.rawValue).csv"
            )
        case "json":
            let json = String(decoding: try AnnualReportRenderer.json(report), as: UTF8.self) + "\n"
            return download(json, type: "application/json", name: "cii-\(year).json")
        default:
            return page(year: year, thisYear: thisYear, report: report, yearError: nil, state: state, status: .ok)
        }
    }

    /// The page: the chooser, and the report when there is one.
    func page(year: Int, thisYear: Int, report: AnnualReport?, yearError: String?, state: PageState, status: HTTPResponse.Status) -> Response {
        let language: Language = state.language == .de ? .de : .fr
        let heading = LocalizedText(fr: "Rapport annuel CII", de: "IIZ-Jahresbericht", en: "CII annual report")(language)
        var data: [String: Any] = [
            "heading": heading,
            "year": String(year),
            "year_label": LocalizedText(fr: "Année", de: "Jahr", en: "Year")(language),
            "show": LocalizedText(fr: "Afficher", de: "Anzeigen", en: "Show")(language),
            "downloads": LocalizedText(fr: "Télécharger :", de: "Herunterladen:", en: "Download:")(language),
            "years": (0..<Self.yearsShown).map { offset -> [String: Any] in
                let value = thisYear - offset
                return ["value": String(value), "selected": value == year]
            },
            "has_report": report != nil,
            "has_year_error": yearError != nil,
        ]
        if let yearError { data["year_error"] = yearError }
        if let report { data["report"] = AnnualReportRenderer.fragment(report, language: language) }
        return registry.pages.renderer.render(
            "report",
            title: "\(heading) \(year)",
            data,
            state: state,
            unread: nil,
            status: status
        )
    }

    /// A file to download.
    func download(_ text: String, type: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
