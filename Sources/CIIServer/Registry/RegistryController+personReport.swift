import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension RegistryController {
    /// `POST /person-reports` with `{"avs": "…"}` (bureau): everything the registry holds about
    /// one person and who read or changed it (right of access, FADP art. 25), as JSON or, with
    /// `Accept: text/html` or `?format=html`, as a printable HTML document in the request's
    /// language (`?language=fr|de`, else `Accept-Language`). Audited as `registry_read`
    /// (`what=person-report`, the AVS number masked) before it is answered.
    func personReport(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        let query = request.uri.queryParameters
        let accept = request.headers[.accept] ?? ""
        let format = query["format"].map(String.init) ?? (accept.contains("text/html") ? "html" : "json")
        var problems = [RegistryAPIError.Problem]()
        if format != "json", format != "html" {
            problems.append(
                .init(field: "format", code: "unknown_code", message: LocalizedText(fr: "html ou json.", de: "html oder json.", en: "html or json."))
            )
        }
        let asked = query["language"].map(String.init)
        if let asked, asked != "fr", asked != "de" {
            problems.append(
                .init(field: "language", code: "unknown_code", message: LocalizedText(fr: "fr ou de.", de: "fr oder de.", en: "fr or de."))
            )
        }
        let body = try await RegistryJSON.decode(PersonReportBody.self, from: request)
        guard let avs = try? AVSNumber(body.avs) else {
            problems.append(
                .init(
                    field: "avs",
                    code: "invalid_avs",
                    message: LocalizedText(
                        fr: "Numéro AVS invalide (756.XXXX.XXXX.XX, chiffre de contrôle).",
                        de: "Ungültige AHV-Nummer (756.XXXX.XXXX.XX, Prüfziffer).",
                        en: "Invalid AVS number (756.XXXX.XXXX.XX, check digit)."
                    )
                )
            )
            throw RegistryAPIError(.unprocessableContent, problems: problems)
        }
        guard problems.isEmpty else { throw RegistryAPIError(.unprocessableContent, problems: problems) }
        guard let log = access.audit as? any AuditSearching else { throw RegistryAPIError.auditUnavailable }
        let found = try await service.personReport(avs: avs, by: actor) { subjects in
            try PersonReportAccess.entries(in: log, subjects: subjects)
        }
        guard let report = found else {
            try await auditor.commit(.registryRead, actor, outcome: "not_found", [("what", "person-report"), ("number", avs.masked)])
            throw RegistryAPIError(
                .notFound,
                code: "person.not_found",
                LocalizedText(
                    fr: "Le registre ne contient aucune personne avec ce numéro AVS.",
                    de: "Das Register enthält keine Person mit dieser AHV-Nummer.",
                    en: "The registry holds no person with this AVS number."
                )
            )
        }
        try await auditor.commit(
            .registryRead,
            actor,
            subject: "person:\(report.personID)",
            [("what", "person-report"), ("number", avs.masked), ("cases", String(report.cases.count)), ("format", format)]
        )
        if format == "json" {
            return Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: try PersonReportRenderer.json(report)))
            )
        }
        let language = asked.flatMap(Language.init(rawValue:)) ?? Language(acceptLanguage: request.headers[.acceptLanguage])
        return Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: PersonReportRenderer.html(report, language: language)))
        )
    }
}
