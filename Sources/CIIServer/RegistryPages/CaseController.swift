import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Hummingbird
import Logging

/// The case page (`/registry/cases/{id}` and one sub-page per tab, `/registry/cases/{id}/{tab}`)
/// and the tabs' forms. A GET reads the case as the API's `GET /cases/{id}` does (audited, with
/// `knownElsewhere`); a POST replaces the tab as `PUT /cases/{id}/{tab}` does, with the form's
/// hidden `etag` in the role of `If-Match`.
struct CaseController: Sendable {
    let registry: RegistryPages

    /// Adds the pages: reading on `readers`, each tab's form on the group of the roles that may change it.
    func addRoutes(readers: RouterGroup<NodeRequestContext>, roles: (Set<AccountRole>) -> RouterGroup<NodeRequestContext>) {
        readers.get("/registry/cases/{id}") { request, context in try await self.show(request, context: context, tab: .announcement) }
        for tab in CasePageTab.allCases {
            readers.get(RouterPath("/registry/cases/{id}/\(tab.rawValue)")) { request, context in
                try await self.show(request, context: context, tab: tab)
            }
            roles(tab.editors).post(RouterPath("/registry/cases/{id}/\(tab.rawValue)")) { request, context in
                try await self.save(request, context: context, tab: tab)
            }
        }
    }

    /// The case on `tab` (the first tab its reader may read when that one is not).
    func show(_ request: Request, context: NodeRequestContext, tab: CasePageTab) async throws -> Response {
        let state = PageState(request: request, context: context)
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        guard let id = RegistryPages.caseID(context) else { return registry.failure(RegistryError.notFound, state: state, context: context) }
        do {
            let view = try await registry.openCase(id, actor)
            let shown = tab.isReadable(in: view) ? tab : CasePageTab.allCases.first(where: { $0.isReadable(in: view) }) ?? tab
            return try await render(view, shown, actor: actor, state: state)
        } catch {
            return registry.failure(error, state: state, context: context)
        }
    }

    /// Saves the form of `tab`; on a problem the same form again, the user's values kept and each
    /// problem next to its input; on a stale `etag` the same, with the case's current version.
    func save(_ request: Request, context: NodeRequestContext, tab: CasePageTab) async throws -> Response {
        let state = PageState(request: request, context: context)
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        guard let id = RegistryPages.caseID(context) else { return registry.failure(RegistryError.notFound, state: state, context: context) }
        let form = try context.checkedForm()
        let rows = min(max(Int(form["rows"] ?? "") ?? 0, 0), 500)
        var reader = CaseFormReader(values: form.fields)
        let change = tab.change(&reader, rows: rows)
        do {
            let current = try await registry.service.readCase(id, by: actor)  // out of scope: a 404 before anything else
            guard let etag = RegistryPages.etag(form["etag"]) else { throw RegistryError(.conflict, "no etag") }
            guard let update = change.update else {
                return try await render(
                    current,
                    tab,
                    actor: actor,
                    state: state,
                    typed: (form.fields, rows),
                    problems: reader.problems,
                    status: .unprocessableContent
                )
            }
            let view = try await registry.auditor.change(
                .registryChange,
                actor,
                subject: "case:\(id)",
                [("tab", tab.rawValue), ("ifMatch", etag.header)]
            ) {
                if case .documents(let lines) = update {
                    let change = try await registry.service.replaceDocuments(lines, of: id, ifMatch: etag, by: actor)
                    deleteFiles(change.removed, of: id, actor: actor, context: context)
                    return change.view
                }
                return try await registry.service.update(id, update, ifMatch: etag, by: actor)
            }
            return try await render(view, tab, actor: actor, state: state, notice: registry.pages.text("tab_saved", state))
        } catch let error as RegistryError where error.kind == .invalid || error.kind == .conflict {
            do {
                let current = try await registry.service.readCase(id, by: actor)
                let stale = error.kind == .conflict
                let problems =
                    stale
                    ? []
                    : error.problems.map {
                        RegistryProblem(field: CaseField.input(tab.formField($0.field, rows: change.formRows)), code: $0.code, message: $0.message)
                    }
                return try await render(
                    current,
                    tab,
                    actor: actor,
                    state: state,
                    typed: (form.fields, rows),
                    problems: problems,
                    error: stale ? registry.pages.text("stale", state) : nil,
                    status: stale ? .conflict : .unprocessableContent
                )
            } catch {
                return registry.failure(error, state: state, context: context)
            }
        } catch {
            return registry.failure(error, state: state, context: context)
        }
    }

    /// Deletes the files of the document lines removed from case `id`, as the API does.
    func deleteFiles(_ removed: [String], of id: Int64, actor: RegistryActor, context: NodeRequestContext) {
        for file in removed {
            guard let vault = registry.documents, let documentID = DocumentID(file) else { continue }
            do {
                try vault.delete(documentID)
                registry.auditor.record(.registryChange, actor, subject: "case:\(id)", outcome: "deleted", [("document", file)])
            } catch {
                context.logger.error("registry: the file of a removed line of case \(id) could not be deleted: \(error)")
            }
        }
    }

    /// The case page on `tab`: its values (the case's, or `typed` when a form comes back), the
    /// problems next to their inputs, a form when the reader's role may change the tab.
    func render(
        _ view: CaseView,
        _ tab: CasePageTab,
        actor: RegistryActor,
        state: PageState,
        typed: (values: [String: String], rows: Int)? = nil,
        problems: [RegistryProblem] = [],
        notice: String? = nil,
        error: String? = nil,
        upload: (values: [String: String], problems: [String: String])? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = PageText.texts(state.language)
        let role = state.session?.account.role
        let editable = role.map { tab.editors.contains($0) } == true && view.cancellation == nil
        let options = try await registry.options(
            state.language,
            actor,
            directory: [.collaborators, .logbook].contains(tab),
            codes: tab == .documents
        )
        var (values, rows) = typed ?? tab.values(of: view)
        if typed == nil, editable, tab.addsRows { rows += 1 }
        if tab == .person, let person = view.person { values["person.avs"] = person.avs.formatted }
        var fields = tab.fields(values, rows: rows, texts: texts, options: options)
        let messages = RegistryPages.messages(problems, state.language)
        func mark(_ field: inout CaseField) { field.error = messages[field.name] }
        for index in fields.single.indices { mark(&fields.single[index]) }
        for row in fields.rows.indices { for index in fields.rows[row].indices { mark(&fields.rows[row][index]) } }
        var tabData: [String: Any] = [
            "name": tab.rawValue, "label": texts[tab.textKey] ?? tab.rawValue, "editable": editable, "row_count": String(rows),
            "single": fields.single.map { $0.context() },
            "is_rows": tab.rowPrefix != nil, "has_rows": !fields.rows.isEmpty, "has_single": !fields.single.isEmpty,
            "has_fields": !fields.single.isEmpty || !fields.rows.isEmpty, "is_documents": tab == .documents,
            "columns": (fields.rows.first ?? []).map { ["label": $0.label] },
            "rows": fields.rows.enumerated().map { index, row in
                rowContext(tab, index, row, values: values, texts: texts, isNew: typed == nil && editable && tab.addsRows && index == rows - 1)
            },
        ]
        tabData["extra"] = try await extra(view, tab, actor: actor, state: state, editable: editable, options: options, upload: upload)
        let general = problems.filter { field in
            !fields.single.contains { $0.name == field.field } && !fields.rows.joined().contains { $0.name == field.field }
        }
        let formError =
            error ?? (problems.isEmpty ? nil : ([texts["form_problems"] ?? ""] + general.map { $0.message(state.language) }).joined(separator: " "))
        let data: [String: Any] = [
            "case": registry.caseHeader(view, state.language),
            "tabs": RegistryPages.tabList(view, current: tab, texts: texts),
            "tab": tabData,
            "etag": String(view.etag.version),
            "can_cancel": role == .bureau && view.cancellation == nil,
            "can_read_history": RegistryAccess.canRead(.history, actor),
        ]
        let title = "\(texts["case_title"] ?? "") \(view.id) · \(texts[tab.textKey] ?? "")"
        return registry.pages.renderer.render("case", title: title, data, state: state, notice: notice, error: formError, status: status)
    }

    /// One line of a tab made of lines: its inputs, a legend, its hidden file id, the box "remove".
    func rowContext(
        _ tab: CasePageTab,
        _ index: Int,
        _ row: [CaseField],
        values: [String: String],
        texts: [String: String],
        isNew: Bool
    ) -> [String: Any] {
        let prefix = tab.rowPrefix ?? tab.rawValue
        var data: [String: Any] = [
            "index": String(index), "fields": row.map { $0.context() },
            "legend": isNew ? (texts["row_new"] ?? "") : "\(texts["row"] ?? "") \(index + 1)",
            "removable": false, "hidden": false,
        ]
        if !isNew {
            data["removable"] = true
            data["remove_name"] = "\(prefix)[\(index)].remove"
            data["remove_id"] = CaseField.id("\(prefix)[\(index)].remove")
        }
        if tab == .documents { data["hidden"] = [["name": "documents[\(index)].vaultID", "value": values["documents[\(index)].vaultID"] ?? ""]] }
        return data
    }
}
