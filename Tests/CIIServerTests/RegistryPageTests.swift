import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import CIIServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The registry's case pages in process: who reaches what (the role groups and the service's
/// scope), the forms' problems next to their inputs in French and German, the stale version,
/// the documents' round trip, the cancellation and its reason, and the audit entries.
@Suite struct RegistryPageTests {
    @Test func eachRoleReachesOnlyItsCases() async throws {
        let fixture = try await RegistryPageFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let (alice, _) = try fixture.browser(.respondent, collaborator: api.alice)
        let (bruno, _) = try fixture.browser(.respondent, collaborator: api.bruno)
        let (sion, _) = try fixture.browser(.coordinator, region: "SIO")
        let (upper, _) = try fixture.browser(.coordinator, region: "HV")
        let (admin, _) = try fixture.browser(.admin)
        let (caseworker, _) = try fixture.browser(.caseworker)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let anonymous = try await Browser().request(client, .get, "/registry/cases/\(id)")
            #expect(anonymous.status == .seeOther && anonymous.location == "/login")
            for browser in [admin, caseworker] {
                let refused = try await browser.request(client, .get, "/registry/cases/\(id)")
                #expect(refused.status == .forbidden)
                #expect(refused.html.contains("Votre rôle ne donne pas accès"))
                #expect(try await browser.request(client, .get, "/registry/cases").status == .forbidden)
            }
            for browser in [bruno, upper] {
                let hidden = try await browser.request(client, .get, "/registry/cases/\(id)/situation")
                #expect(hidden.status == .notFound)
                #expect(!hidden.html.contains("Müller"))
                let list = try await browser.request(client, .get, "/registry/cases")
                #expect(list.status == .ok && !list.html.contains("case-\(id)"))
            }
            let mine = try await alice.request(client, .get, "/registry/cases")
            #expect(mine.status == .ok && mine.html.contains("id=\"case-\(id)\"") && mine.html.contains("id=\"nav-new-case\""))
            let page = try await alice.request(client, .get, "/registry/cases/\(id)")
            #expect(page.status == .ok)
            #expect(page.html.contains("id=\"tab-announcement\" aria-current=\"page\""))
            #expect(!page.html.contains("tab-medical-mandate") && !page.html.contains("tab-decision") && !page.html.contains("tab-gravity"))
            let regional = try await sion.request(client, .get, "/registry/cases/\(id)/decision")
            #expect(regional.status == .ok && regional.html.contains("id=\"tab-form\""))
            #expect(!regional.html.contains("id=\"nav-new-case\""))
            // The coordinator reads the situation but has no form for it; posting one is refused by the role group.
            let situation = try await sion.request(client, .get, "/registry/cases/\(id)/situation")
            #expect(situation.status == .ok && !situation.html.contains("id=\"tab-form\""))
            let csrf = try #require(situation.csrf)
            let etag = try await api.etag(id)
            let posted = try await sion.request(
                client,
                .post,
                "/registry/cases/\(id)/situation",
                form: ["csrf": csrf, "etag": etag, "situation.text": "changed"]
            )
            #expect(posted.status == .forbidden)
            #expect(try await api.service.readCase(id, by: RegistryAPIFixture.bureau).situation?.text == "Situation familiale difficile")
        }
    }

    @Test func aProblemShowsNextToItsInputInFrenchAndGermanWithTheValuesKept() async throws {
        let fixture = try await RegistryPageFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let (french, _) = try fixture.browser(.respondent, collaborator: api.alice)
        let (german, _) = try fixture.browser(.bureau, language: "de")
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            for (browser, message) in [
                (french, "Cette date doit être entre 1900 et aujourd&#39;hui."), (german, "Dieses Datum muss zwischen 1900 und heute liegen."),
            ] {
                let tab = try await browser.request(client, .get, "/registry/cases/\(id)/announcement")
                let refused = try await browser.request(
                    client,
                    .post,
                    "/registry/cases/\(id)/announcement",
                    form: [
                        "csrf": try #require(tab.csrf), "etag": try #require(tab.field("etag")), "announcement.region": "SIO",
                        "announcement.announcedOn": "2026-03-01", "announcement.followedSince": "2999-01-01", "announcement.ageGroup": "adult",
                        "announcement.dispositif": "ORP", "announcement.announcedToBureauOn": "2026-03-05",
                    ]
                )
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text(of: "f-announcement-followedSince-error") == message)
                #expect(refused.html.contains("aria-describedby=\"f-announcement-followedSince-hint f-announcement-followedSince-error\""))
                #expect(refused.html.contains("name=\"announcement.followedSince\" value=\"2999-01-01\""))
                #expect(refused.html.contains("name=\"announcement.announcedToBureauOn\" value=\"2026-03-05\""))
                // A date that cannot be read is refused by the page itself, next to its input.
                let unreadable = try await browser.request(
                    client,
                    .post,
                    "/registry/cases/\(id)/announcement",
                    form: [
                        "csrf": try #require(tab.csrf), "etag": try #require(tab.field("etag")), "announcement.region": "SIO",
                        "announcement.announcedOn": "31.02.2026", "announcement.ageGroup": "adult", "announcement.dispositif": "ORP",
                    ]
                )
                #expect(unreadable.status == .unprocessableContent)
                #expect(unreadable.text(of: "f-announcement-announcedOn-error")?.isEmpty == false)
                #expect(unreadable.html.contains("name=\"announcement.announcedOn\" value=\"31.02.2026\""))
            }
            // A line of a tab made of lines: the problem lands on the line typed, not on its index in the change.
            let services = try await german.request(client, .get, "/registry/cases/\(id)/services")
            let refused = try await german.request(
                client,
                .post,
                "/registry/cases/\(id)/services",
                form: [
                    "csrf": try #require(services.csrf), "etag": try #require(services.field("etag")), "rows": "3",
                    "services[2].type": "TRO", "services[2].start": "2026-03-10", "services[2].end": "2026-03-01",
                ]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text(of: "f-services-2-end-error")?.contains("start") == true)
            #expect(try await api.service.readCase(id, by: RegistryAPIFixture.bureau).services == [])
        }
    }

    @Test func aStaleVersionSavesNothingAndKeepsWhatWasTyped() async throws {
        let fixture = try await RegistryPageFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let (alice, _) = try fixture.browser(.respondent, collaborator: api.alice)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let tab = try await alice.request(client, .get, "/registry/cases/\(id)/situation")
            let etag = try #require(tab.field("etag"))
            let csrf = try #require(tab.csrf)
            let saved = try await alice.request(
                client,
                .post,
                "/registry/cases/\(id)/situation",
                form: ["csrf": csrf, "etag": etag, "situation.text": "Premier texte", "situation.riskFactors.housing": "1"]
            )
            #expect(saved.status == .ok && saved.html.contains("id=\"notice\""))
            let stale = try await alice.request(
                client,
                .post,
                "/registry/cases/\(id)/situation",
                form: ["csrf": csrf, "etag": etag, "situation.text": "Texte écrit entre-temps"]
            )
            #expect(stale.status == .conflict)
            #expect(stale.html.contains("Quelqu&#39;un a modifié ce cas"))
            #expect(stale.html.contains(">Texte écrit entre-temps</textarea>"))
            #expect(stale.field("etag") != etag)
            let situation = try await api.service.readCase(id, by: RegistryAPIFixture.bureau).situation
            #expect(situation?.text == "Premier texte" && situation?.riskFactors == [.housing])
        }
    }

    @Test func aDocumentGoesUpAndComesBackAudited() async throws {
        let fixture = try await RegistryPageFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let (alice, caller) = try fixture.browser(.respondent, collaborator: api.alice)
        let (bureau, _) = try fixture.browser(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let tab = try await alice.request(client, .get, "/registry/cases/\(id)/documents")
            #expect(tab.html.contains("enctype=\"multipart/form-data\""))
            let csrf = try #require(tab.csrf)
            let etag = try #require(tab.field("etag"))
            // A power of attorney without its duration: the problem next to the input, nothing in the vault.
            let refused = try await fixture.upload(
                client,
                alice,
                id,
                fields: [("csrf", csrf), ("etag", etag), ("document.designation", "Procuration"), ("document.code", "PROC")],
                file: Samples.pdf,
                filename: "procuration.pdf"
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text(of: "f-document-powerOfAttorney-start-error")?.contains("procuration demande") == true)
            #expect(fixture.documents.files().isEmpty)
            let forged = try await fixture.upload(client, alice, id, fields: [("csrf", "x"), ("etag", etag)], file: Samples.pdf, filename: "a.pdf")
            #expect(forged.status == .forbidden)
            let stored = try await fixture.upload(
                client,
                alice,
                id,
                fields: [
                    ("csrf", csrf), ("etag", etag), ("document.designation", "Procuration Müller"), ("document.code", "PROC"),
                    ("document.powerOfAttorney.start", "2026-01-15"), ("document.powerOfAttorney.duration", "12"),
                    ("document.powerOfAttorney.unit", "months"),
                ],
                file: Samples.pdf,
                filename: "procuration.pdf"
            )
            #expect(stored.status == .created)
            #expect(stored.html.contains("15.01.2027"))
            let line = try #require(try await api.service.readCase(id, by: RegistryAPIFixture.bureau).documents?.first)
            #expect(line.kind == "pdf" && line.size == Int64(Samples.pdf.count))
            let file = try await fixture.download(client, bureau, "/registry/cases/\(id)/documents/\(line.vaultID)")
            #expect(file.status == .ok && file.bytes == Samples.pdf)
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"Procuration_Muller.pdf\"") == true)
            let reads = fixture.api.base.audit.all.filter { $0.kind == .registryRead && $0.subject == "case:\(id)" }
            #expect(reads.contains { $0.details.contains { $0.key == "what" && $0.value == "document" } })
            let changes = fixture.api.base.audit.all.filter { $0.kind == .registryChange && $0.actor == caller.name }
            #expect(changes.contains { $0.outcome == "stored" })
            // The line is changed and then removed through the tab's form; its file leaves the vault.
            let documents = try await alice.request(client, .get, "/registry/cases/\(id)/documents")
            #expect(documents.html.contains("name=\"documents[0].vaultID\" value=\"\(line.vaultID)\""))
            var lineForm = [
                "csrf": csrf, "etag": try #require(documents.field("etag")), "rows": "1", "documents[0].vaultID": line.vaultID,
                "documents[0].designation": "Procuration signée", "documents[0].code": "PROC",
                "documents[0].powerOfAttorney.start": "2026-01-15", "documents[0].powerOfAttorney.duration": "2",
                "documents[0].powerOfAttorney.unit": "years",
            ]
            #expect(fixture.documents.files().contains { $0.hasPrefix(line.vaultID) })
            let renamed = try await alice.request(client, .post, "/registry/cases/\(id)/documents", form: lineForm)
            #expect(renamed.status == .ok && renamed.html.contains("15.01.2028"))
            lineForm["etag"] = try #require(renamed.field("etag"))
            lineForm["documents[0].remove"] = "1"
            let removed = try await alice.request(client, .post, "/registry/cases/\(id)/documents", form: lineForm)
            #expect(removed.status == .ok)
            #expect(try await api.service.readCase(id, by: RegistryAPIFixture.bureau).documents == [])
            #expect(!fixture.documents.files().contains { $0.hasPrefix(line.vaultID) })
            // Another respondent's download of the same file is a 404.
            let (bruno, _) = try fixture.browser(.respondent, collaborator: api.bruno)
            #expect(try await fixture.download(client, bruno, "/registry/cases/\(id)/documents/\(line.vaultID)").status == .notFound)
        }
    }

    @Test func aCancellationNeedsAReasonAndTellsTheBureau() async throws {
        let fixture = try await RegistryPageFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let (bureau, _) = try fixture.browser(.bureau)
        let (alice, _) = try fixture.browser(.respondent, collaborator: api.alice)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            #expect(try await alice.request(client, .get, "/registry/cases/\(id)/cancel").status == .forbidden)
            let confirm = try await bureau.request(client, .get, "/registry/cases/\(id)/cancel")
            #expect(confirm.status == .ok && confirm.html.contains("id=\"cancel-form\""))
            let csrf = try #require(confirm.csrf)
            let etag = try #require(confirm.field("etag"))
            let empty = try await bureau.request(client, .post, "/registry/cases/\(id)/cancel", form: ["csrf": csrf, "etag": etag, "reason": "  "])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text(of: "f-reason-error") == "Ce champ est obligatoire.")
            #expect(try await api.service.readCase(id, by: RegistryAPIFixture.bureau).cancellation == nil)
            let done = try await bureau.request(
                client,
                .post,
                "/registry/cases/\(id)/cancel",
                form: ["csrf": csrf, "etag": etag, "reason": "Annoncé deux fois"]
            )
            #expect(done.status == .ok)
            #expect(try await api.service.readCase(id, by: RegistryAPIFixture.bureau).cancellation?.reason == "Annoncé deux fois")
            let mailer = api.base.mailer
            let deadline = Date().addingTimeInterval(5)
            while mailer.last(to: RegistryDocumentFixture.bureauAddress) == nil, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(mailer.last(to: RegistryDocumentFixture.bureauAddress) != nil)
            #expect(try await alice.request(client, .get, "/registry/cases/\(id)").status == .notFound)
            let cancelled = try await bureau.request(client, .get, "/registry/cases/\(id)")
            #expect(cancelled.status == .ok && cancelled.html.contains("id=\"cancelled\"") && !cancelled.html.contains("id=\"tab-form\""))
        }
    }

    @Test func theHistoryShowsTheChangesTheReaderMaySeeAndIsAudited() async throws {
        let fixture = try await RegistryPageFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let (alice, caller) = try fixture.browser(.respondent, collaborator: api.alice)
        let (upper, _) = try fixture.browser(.coordinator, region: "HV")
        let (admin, _) = try fixture.browser(.admin)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let situation = try await alice.request(client, .get, "/registry/cases/\(id)/situation")
            #expect(situation.html.contains("id=\"case-history\""), "the case page links its history")
            let saved = try await alice.request(
                client,
                .post,
                "/registry/cases/\(id)/situation",
                form: ["csrf": try #require(situation.csrf), "etag": try await api.etag(id), "situation.text": "Nouvelle situation"]
            )
            #expect(saved.status == .seeOther || saved.status == .ok, "\(saved.status)")
            let history = try await alice.request(client, .get, "/registry/cases/\(id)/history")
            #expect(history.status == .ok)
            #expect(history.html.contains("<code>situation.text</code>") && history.html.contains("Nouvelle situation"))
            #expect(try await upper.request(client, .get, "/registry/cases/\(id)/history").status == .notFound)
            #expect(try await admin.request(client, .get, "/registry/cases/\(id)/history").status == .forbidden)
            let reads = api.base.audit.all.filter { $0.actor == caller.name && $0.kind == .registryRead && $0.subject == "case:\(id)" }
            #expect(reads.contains { $0.details.contains { $0.key == "what" && $0.value == "history" } })
        }
    }

    @Test func creatingSearchingAndReadingAreAudited() async throws {
        let fixture = try await RegistryPageFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let (alice, caller) = try fixture.browser(.respondent, collaborator: api.alice)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            #expect(try await alice.request(client, .get, "/registry/cases").status == .ok)
            let form = try await alice.request(client, .get, "/registry/cases/new")
            #expect(form.status == .ok && form.html.contains("<label for=\"f-person-avs\">"))
            var values = [
                "csrf": try #require(form.csrf), "person.avs": "756.1000.0004.3", "person.surname": "Rey", "person.firstName": "Léa",
                "person.birthDate": "1990-02-03", "person.sex": "F", "person.language": "fr", "person.education": "tertiary",
                "announcement.region": "SIO", "announcement.announcedOn": "2026-03-02", "announcement.ageGroup": "adult",
                "announcement.dispositif": "ORP", "situation.text": "Sans emploi", "situation.riskFactors.finances": "1",
            ]
            let refused = try await alice.request(client, .post, "/registry/cases/new", form: values)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text(of: "f-person-avs-error")?.hasPrefix("Numéro AVS invalide") == true)
            #expect(refused.html.contains("name=\"person.surname\" value=\"Rey\""))
            values["person.avs"] = api.avs.formatted
            let created = try await alice.request(client, .post, "/registry/cases/new", form: values)
            #expect(created.status == .seeOther)
            let location = try #require(created.location)
            #expect(location.hasPrefix("/registry/cases/") && location.hasSuffix("/announcement"))
            let page = try await alice.request(client, .get, location)
            #expect(page.status == .ok && page.html.contains("Rey Léa"))
            let id = String(location.dropFirst("/registry/cases/".count).prefix { $0 != "/" })
            let search = try await alice.request(
                client,
                .post,
                "/registry/search",
                form: ["csrf": try #require(form.csrf), "avs": api.avs.formatted]
            )
            #expect(search.status == .ok && search.html.contains("id=\"case-\(id)\""))
            let inURL = try await alice.request(client, .get, "/registry/search?avs=\(api.avs.formatted)")
            #expect(!inURL.html.contains("id=\"case-\(id)\"") && inURL.html.contains("id=\"f-avs-error\""))
            let badDate = try await alice.request(client, .post, "/registry/search", form: ["csrf": try #require(form.csrf), "birthDate": "hier"])
            #expect(badDate.status == .unprocessableContent && badDate.text(of: "f-birthDate-error") == "Date invalide (AAAA-MM-JJ).")
            let summary = try await alice.request(client, .get, "/registry/cases/\(id)/summary")
            #expect(summary.status == .ok && summary.html.contains("id=\"summary-situation\"") && !summary.html.contains("summary-gravity"))
            let events = api.base.audit.all.filter { $0.actor == caller.name }
            #expect(events.contains { $0.kind == .registryChange && $0.outcome == "created" && $0.subject == "case:\(id)" })
            let searches = events.filter { $0.kind == .registrySearch }
            #expect(searches.count == 2)  // "Mes cas" and the posted search; refused criteria search nothing
            #expect(!searches.contains { event in event.details.contains { $0.value.contains(api.avs.formatted) } })
            #expect(events.filter { $0.kind == .registryRead && $0.subject == "case:\(id)" }.map { $0.details.first?.value } == ["case", "summary"])
            let css = try await alice.request(client, .get, "/static/ciid.css")
            #expect(css.html.contains("@media print"))
        }
    }

    @Test func theCasePageNamesTheDispositifsThatKnowThePersonAsTheAPIDoes() async throws {
        let fixture = try await RegistryPageFixture()
        defer { fixture.remove() }
        let api = fixture.api
        var service = api.service
        service.knownElsewhereLookup = ReplicaKnownElsewhere(checker: fixture.server.checker, logger: Logger(label: "test"))
        var server = fixture.server
        server.registry = service
        let (alice, caller) = try fixture.browser(.respondent, collaborator: api.alice)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let form = try await alice.request(client, .get, "/registry/cases/new")
            let created = try await alice.request(
                client,
                .post,
                "/registry/cases/new",
                form: [
                    "csrf": try #require(form.csrf), "person.avs": api.base.known.formatted, "person.surname": "Rey", "person.firstName": "Léa",
                    "person.birthDate": "1990-02-03", "person.sex": "F", "person.language": "fr", "person.education": "none",
                    "announcement.region": "SIO", "announcement.announcedOn": "2026-03-02", "announcement.ageGroup": "adult",
                    "announcement.dispositif": "ORP",
                ]
            )
            let location = try #require(created.location)
            let page = try await alice.request(client, .get, location)
            #expect(page.status == .ok)
            let known = try #require(page.html.range(of: "id=\"known-list\"").map { String(page.html[$0.lowerBound...].prefix(600)) })
            #expect(known.contains("<strong>CMS</strong>") && known.contains("04.2025") && known.contains("Bruno Imboden"), "\(known)")
            #expect(!known.contains("Alice Favre"), "CMS's respondent only")
            let reads = api.base.audit.all.filter { $0.kind == .registryRead && $0.actor == caller.name }
            #expect(reads.contains { $0.details.contains { $0.key == "knownElsewhere" && $0.value == "1" } })
        }
    }
}
