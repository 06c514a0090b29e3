import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Foundation
import Hummingbird
import Logging

/// "Mes cas" (`/registry/cases`: the cases of the reader's scope, as the API's search gives
/// them) and the search (`/registry/search`: any criterion of the API's search; the form is
/// posted so that an AVS number never lands in a URL or an access log). Both audited as the
/// API's searches are.
struct CasesController: Sendable {
    let registry: RegistryPages

    func addRoutes(to readers: RouterGroup<NodeRequestContext>) {
        readers.get("/registry") { _, _ in Pages.redirect("/registry/cases") }
        readers.get("/registry/cases") { request, context in try await self.myCases(request, context: context) }
        readers.get("/registry/search") { request, context in
            var values = [String: String]()
            for (name, value) in request.uri.queryParameters { values[String(name)] = String(value) }
            return try await self.search(request, context: context, values: values, posted: false)
        }
        readers.post("/registry/search") { request, context in
            try await self.search(request, context: context, values: try context.checkedForm().fields, posted: true)
        }
    }

    /// The cases of the reader's scope: a respondent's (announcing or involved), a coordinator's
    /// region, the bureau's open cases; the newest announcements first.
    func myCases(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        let page = request.uri.queryParameters["page"].flatMap { Int(String($0)) } ?? 0
        var search = RegistrySearch(sort: .announcedOn, descending: true, page: max(page, 0))
        if actor.role == .bureau { search.status = .open }
        let texts = PageText.texts(state.language)
        let intro: String? =
            switch actor.role {
            case .respondent: texts["cases_intro_respondent"]
            case .coordinator: texts["cases_intro_coordinator"]
            case .bureau: texts["cases_intro_bureau"]
            case .admin: nil
            }
        do {
            let result = try await run(search, actor)
            var data = list(result, state: state)
            data["heading"] = texts["cases_title"] ?? ""
            data["intro"] = intro.map { $0 as Any } ?? false
            data["pager"] = pager(result, href: { "/registry/cases?page=\($0)" }, keep: [])
            return registry.pages.renderer.render("cases", title: texts["cases_title"] ?? "", data, state: state)
        } catch {
            return registry.failure(error, state: state, context: context)
        }
    }

    /// The search form, and its results once criteria were given (every problem next to its criterion).
    func search(_ request: Request, context: NodeRequestContext, values: [String: String], posted: Bool) async throws -> Response {
        let state = PageState(request: request, context: context)
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        let texts = PageText.texts(state.language)
        var criteria = values.filter { SearchCriteria.names.contains($0.key) && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        var data: [String: Any] = ["heading": texts["search_title"] ?? "", "intro": texts["search_intro"] ?? ""]
        var problems = [String: String]()
        if !posted, criteria["avs"] != nil {
            criteria["avs"] = nil
            problems["avs"] = texts["search_avs_hint"] ?? ""
        }
        var status = HTTPResponse.Status.ok
        if posted || !criteria.isEmpty, problems.isEmpty {
            do {
                let search = try SearchCriteria(values: criteria).search()
                let result = try await run(search, actor)
                data.merge(list(result, state: state)) { _, new in new }
                data["searched"] = true
                data["total"] = String(result.total)
                let keep = criteria.filter { $0.key != "page" }.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": $0.value] }
                data["pager"] = pager(result, href: nil, keep: keep)
            } catch let error as RegistryAPIError where error.status == .unprocessableContent {
                for problem in error.problems {
                    if let field = problem.field, problems[field] == nil { problems[field] = problem.message(state.language) }
                }
                status = .unprocessableContent
            } catch let error as RegistryError where error.kind == .invalid {
                problems.merge(RegistryPages.messages(error.problems, state.language)) { first, _ in first }
                status = .unprocessableContent
            } catch {
                return registry.failure(error, state: state, context: context)
            }
        }
        var fields = searchFields(criteria, actor: actor, state: state)
        for index in fields.indices { fields[index].error = problems[fields[index].name] }
        data["search"] = ["fields": fields.map { $0.context() }]
        let error = problems.isEmpty ? nil : texts["form_problems"]
        return registry.pages.renderer.render("cases", title: texts["search_title"] ?? "", data, state: state, error: error, status: status)
    }

    /// Runs `search` as the API does: the service's scope, and the criteria in the audit log
    /// (the AVS number masked) before the results are shown.
    func run(_ search: RegistrySearch, _ actor: RegistryActor) async throws -> SearchPage {
        let page = try await registry.service.search(search, by: actor)
        try await registry.auditor.commit(.registrySearch, actor, [("criteria", search.auditDescription), ("total", String(page.total))])
        return page
    }

    /// The rows of a page of results.
    func list(_ result: SearchPage, state: PageState) -> [String: Any] {
        let items = result.items.map { item -> [String: Any] in
            [
                "id": String(item.caseID), "name": "\(item.surname) \(item.firstName)", "birth": item.birthDate.swiss,
                "region": item.region.label(state.language), "dispositif": item.dispositif.code(state.language),
                "announced": item.announcedOn.swiss, "status": item.status.label(state.language),
            ]
        }
        return ["items": items, "has_items": !items.isEmpty, "listed": true]
    }

    /// The pager of a result: links (`href`) or, for a posted search, forms carrying the criteria.
    func pager(_ result: SearchPage, href: ((Int) -> String)?, keep: [[String: String]]) -> Any {
        let pages = max(1, (result.total + result.pageSize - 1) / result.pageSize)
        guard pages > 1 else { return false }
        func link(_ page: Int) -> [String: Any] {
            ["page": String(page), "href": href.map { $0(page) as Any } ?? false]
        }
        return [
            "page": String(result.page + 1), "pages": String(pages), "action": "/registry/search", "keep": keep,
            "previous": result.page > 0 ? link(result.page - 1) as Any : false,
            "next": result.page + 1 < pages ? link(result.page + 1) as Any : false,
        ] as [String: Any]
    }

    /// The search's inputs, named as the API's criteria.
    func searchFields(_ values: [String: String], actor: RegistryActor, state: PageState) -> [CaseField] {
        let texts = PageText.texts(state.language)
        let options = CaseOptions(language: state.language)
        let form = CaseFieldMaker(values: values, texts: texts)
        var avs = form.field("avs", "f_avs", .text)
        avs.hint = texts["search_avs_hint"]
        let statuses: CaseOptions.Options = CaseStatus.allCases.filter { $0 != .cancelled || actor.role == .bureau }.map {
            ($0.rawValue, $0.label(state.language))
        }
        let sorts: CaseOptions.Options = [
            ("name", "sort_name"), ("announcedOn", "sort_announced"), ("birthDate", "f_birth_date"), ("caseID", "col_case"),
        ]
        .map { ($0.0, texts[$0.1] ?? $0.0) }
        return [
            avs,
            form.field("surname", "f_surname", .text),
            form.field("firstName", "f_first_name", .text),
            form.field("birthDate", "f_birth_date", .date),
            form.select("region", "f_region", options.regions, optional: true),
            form.select("dispositif", "f_dispositif", options.dispositifs, optional: true),
            form.select("serviceType", "f_service", options.services, optional: true),
            form.select("status", "f_status", statuses, optional: true),
            form.field("announcedFrom", "f_announced_from", .date),
            form.field("announcedTo", "f_announced_to", .date),
            form.field("openedFrom", "f_opened_from", .date),
            form.field("openedTo", "f_opened_to", .date),
            form.field("closedFrom", "f_closed_from", .date),
            form.field("closedTo", "f_closed_to", .date),
            form.select("sort", "f_sort", sorts, optional: true),
        ]
    }
}
