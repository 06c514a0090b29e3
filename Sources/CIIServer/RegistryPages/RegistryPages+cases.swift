import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Foundation
import Hummingbird
import Logging

extension RegistryPages {
    /// The case `{id}` of the path; anything but a positive number is a case that does not exist.
    static func caseID(_ context: NodeRequestContext) -> Int64? {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { return nil }
        return id
    }

    /// The version a form carries in its hidden `etag` field (the number alone, so that it needs no
    /// escaping; the header's quoted form is read too).
    static func etag(_ text: String?) -> CaseETag? {
        guard let text else { return nil }
        if let version = Int64(text), version > 0 { return CaseETag(version: version) }
        return CaseETag(header: text)
    }

    /// Opens case `id` for `actor` as the API's `GET /cases/{id}` does: the tabs the role may read,
    /// the dispositifs that know the person, and the read durably audited before anything is shown.
    func openCase(_ id: Int64, _ actor: RegistryActor, what: String = "case") async throws -> CaseView {
        let view = try await service.openCase(id, by: actor)
        try await auditor.commit(.registryRead, actor, subject: "case:\(id)", [("what", what)] + RegistryController.knownElsewhereDetail(view))
        return view
    }

    /// The choices of the lists (the directory and the document codes only when asked).
    func options(_ language: Language, _ actor: RegistryActor, directory: Bool = false, codes: Bool = false) async throws -> CaseOptions {
        var options = CaseOptions(language: language)
        if directory { options.directory = try await service.collaborators(by: actor) }
        if codes { options.documentCodes = try await service.documentCodes(by: actor) }
        return options
    }

    /// The page of a failure: a case out of scope is a 404 like a missing one, a role refused a
    /// 403, a storage or audit failure a 503; the text in the user's language.
    func failure(_ error: any Error, state: PageState, context: NodeRequestContext) -> Response {
        let texts = PageText.texts(state.language)
        let title = texts["error_title"] ?? ""
        let back = "/registry/cases"
        if let error = error as? RegistryError {
            switch error.kind {
            case .notFound: return pages.renderer.message(title, texts["case_not_found"] ?? "", back: back, state: state, status: .notFound)
            case .forbidden: return pages.renderer.message(title, texts["forbidden"] ?? "", back: back, state: state, status: .forbidden)
            case .invalid, .conflict:
                let text = error.problems.first?.message(state.language) ?? texts["form_problems"] ?? ""
                return pages.renderer.message(
                    title,
                    text,
                    back: back,
                    state: state,
                    status: error.kind == .conflict ? .conflict : .unprocessableContent
                )
            case .unavailable: return pages.unavailable(error, state: state, context: context)
            }
        }
        if let error = error as? RegistryAPIError {
            if error.status.code >= 500 { context.logger.error("a registry page failed: \(error.problems.map(\.code))") }
            let text = error.problems.first?.message(state.language) ?? texts["unavailable"] ?? ""
            return pages.renderer.message(title, text, back: back, state: state, status: error.status)
        }
        return pages.unavailable(error, state: state, context: context)
    }

    /// The problems of a refused form by input name, in the user's language (the first of each).
    static func messages(_ problems: [RegistryProblem], _ language: Language, field: (String) -> String = { $0 }) -> [String: String] {
        var messages = [String: String]()
        for problem in problems where messages[field(problem.field)] == nil { messages[field(problem.field)] = problem.message(language) }
        return messages
    }

    /// The head of every case page: who, the status, the cancellation, the dispositifs that know
    /// the person (as the API's `knownElsewhere`).
    func caseHeader(_ view: CaseView, _ language: Language) -> [String: Any] {
        var data: [String: Any] = ["id": String(view.id), "status": view.status.label(language), "status_code": view.status.rawValue]
        if let person = view.person {
            data["name"] = "\(person.surname) \(person.firstName)"
            data["birth"] = person.birthDate.swiss
        }
        if let cancellation = view.cancellation {
            data["cancellation"] = ["reason": cancellation.reason, "by": cancellation.by, "on": Day(cancellation.at).swiss]
        }
        if let known = view.knownElsewhere {
            data["known"] = true
            data["known_any"] = !known.isEmpty
            data["known_list"] = known.map { entry -> [String: Any] in
                var item: [String: Any] = [
                    "code": entry.dispositif.code(language), "name": entry.dispositif.name(language),
                    "contacts": entry.contacts.map {
                        [
                            "person": $0.name, "region": $0.region.label(language), "phone": $0.phone.isEmpty ? false as Any : $0.phone as Any,
                            "email": $0.email,
                        ] as [String: Any]
                    },
                    "no_contact": entry.contacts.isEmpty, "last": false,
                ]
                if let last = entry.lastFollowUp { item["last"] = last.swissMonth }
                return item
            }
        }
        return data
    }

    /// The tabs `view` shows its reader, as the nav list of the case page.
    static func tabList(_ view: CaseView, current: CasePageTab?, texts: [String: String]) -> [[String: Any]] {
        CasePageTab.allCases.filter { $0.isReadable(in: view) }.map {
            ["name": $0.rawValue, "label": texts[$0.textKey] ?? $0.rawValue, "current": $0 == current]
        }
    }
}
