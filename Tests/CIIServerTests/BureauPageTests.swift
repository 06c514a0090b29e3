import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import CIIServer

/// The bureau's and admin's registry pages: who may open them (decided by the route's group),
/// forms whose errors sit next to their field in French and German with the values kept, the
/// directory re-signed after a save, and the audited list of powers of attorney.
@Suite struct BureauPageTests {
    /// Every page of this suite, the roles that may open it, and whether it takes a form.
    static let pages: [(path: String, roles: Set<AccountRole>, form: Bool)] = [
        ("/registry/directory", [.bureau, .admin], true),
        ("/registry/code-lists", [.bureau, .admin], true),
        ("/registry/users", [.bureau, .admin], true),
        ("/registry/powers-of-attorney", [.bureau], false),
        ("/registry/trainings", [.bureau], true),
    ]

    @Test func anonymousPeopleGoToTheLoginAndOtherRolesGetThe403Page() async throws {
        let api = try await RegistryAPIFixture()
        defer { api.remove() }
        let fixture = BureauPageFixture(api: api)
        let callers: [AccountRole: RegistryAPIFixture.Caller] = [
            .bureau: try api.signIn(.bureau),
            .admin: try api.signIn(.admin),
            .coordinator: try api.signIn(.coordinator, region: "SIO"),
            .respondent: try api.signIn(.respondent, collaborator: api.alice),
        ]
        let app = try api.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            for page in Self.pages {
                let anonymous = try await fixture.get(client, nil, page.path)
                #expect(anonymous.status == .seeOther && anonymous.location == "/login", "\(page.path)")
                if page.form {
                    let anonymousPost = try await fixture.post(client, nil, page.path, ["name": "x"])
                    #expect(anonymousPost.status == .seeOther && anonymousPost.location == "/login", "POST \(page.path)")
                }
                for (role, caller) in callers {
                    let answer = try await fixture.get(client, caller, page.path)
                    if page.roles.contains(role) {
                        #expect(answer.status == .ok, "\(page.path) as \(role)")
                    } else {
                        #expect(answer.status == .forbidden, "\(page.path) as \(role): \(answer.status)")
                        #expect(answer.html.contains("Votre rôle ne donne pas accès à cette page"))
                        // Refused before the form is read or anything is saved.
                        if page.form {
                            let posted = try await fixture.post(client, caller, page.path, ["name": "Intrus", "title": "Intrus"])
                            #expect(posted.status == .forbidden, "POST \(page.path) as \(role)")
                        }
                    }
                }
            }
            #expect(try await api.service.collaborators(by: RegistryAPIFixture.bureau).allSatisfy { $0.name != "Intrus" })
            // The menu shows each role its pages, on the coordinator only.
            let bureauMenu = try await fixture.get(client, callers[.bureau], "/account").html
            for link in ["nav-poa", "nav-trainings", "nav-directory", "nav-code-lists", "nav-users"] {
                #expect(bureauMenu.contains("id=\"\(link)\""))
            }
            let adminMenu = try await fixture.get(client, callers[.admin], "/account").html
            #expect(adminMenu.contains("id=\"nav-directory\"") && adminMenu.contains("id=\"nav-admin\"") && !adminMenu.contains("id=\"nav-poa\""))
            let respondentMenu = try await fixture.get(client, callers[.respondent], "/account").html
            #expect(!respondentMenu.contains("nav-directory") && !respondentMenu.contains("nav-poa"))
        }
    }

    @Test func theDirectoryKeepsValuesAndShowsEachErrorNextToItsFieldThenSavesAndReSigns() async throws {
        let api = try await RegistryAPIFixture()
        defer { api.remove() }
        let resigned = ReSignCounter()
        var server = api.server
        server.registryDirectoryChanged = { resigned.count.withLock { $0 += 1 } }
        let fixture = BureauPageFixture(api: api)
        let bureau = try api.signIn(.bureau)
        let german = try api.signIn(.admin)
        try fixture.german(german)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let list = try await fixture.get(client, bureau, "/registry/directory")
            #expect(list.html.contains("Alice Favre") && list.html.contains("Bruno Imboden"))
            let form = [
                "name": " ", "dispositif": "ORP", "region": "SIE", "function": "respondent", "phone": "027 111 22 33", "email": "pas-une-adresse",
            ]
            let refused = try await fixture.post(client, bureau, "/registry/directory", form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.hasError(on: "d-name", "Ce champ est obligatoire."))
            #expect(refused.hasError(on: "d-email", "Adresse e-mail invalide."))
            #expect(refused.html.contains("value=\"027 111 22 33\"") && refused.html.contains("value=\"pas-une-adresse\""), "values kept")
            #expect(refused.html.contains("<option value=\"SIE\" selected>"), "choice kept")
            #expect(refused.html.contains("corrigez les 2 champs signalés"))
            let refusedDE = try await fixture.post(client, german, "/registry/directory", form.merging(["dispositif": "XYZ"]) { $1 })
            #expect(refusedDE.hasError(on: "d-name", "Dieses Feld ist obligatorisch."))
            #expect(refusedDE.hasError(on: "d-email", "Ungültige E-Mail-Adresse."))
            #expect(refusedDE.hasError(on: "d-dispositif", "Wählen Sie einen Wert aus der Liste."))
            #expect(refusedDE.html.contains("<html lang=\"de\">"))
            #expect(resigned.count.withLock { $0 } == 0)

            let saved = try await fixture.post(
                client,
                bureau,
                "/registry/directory",
                form.merging(["name": "Chloé Rey", "email": "chloe@orp.example"]) { $1 }
            )
            #expect(saved.status == .seeOther && saved.location == "/registry/directory?saved=1")
            #expect(resigned.count.withLock { $0 } == 1, "a saved entry re-signs the directory")
            let entries = try await api.service.collaborators(by: RegistryAPIFixture.bureau)
            let chloe = try #require(entries.first { $0.name == "Chloé Rey" })
            #expect(chloe.region == .sierre && chloe.phone == "027 111 22 33" && chloe.function == .respondent)
            #expect(try await fixture.get(client, bureau, "/registry/directory?saved=1").html.contains("id=\"notice\""))

            let edit = try await fixture.get(client, german, "/registry/directory/\(api.alice)")
            #expect(edit.status == .ok && edit.html.contains("value=\"Alice Favre\"") && edit.html.contains("<option value=\"SIO\" selected>"))
            let changed = try await fixture.post(
                client,
                german,
                "/registry/directory/\(api.alice)",
                [
                    "name": "Alice Favre-Zen", "dispositif": "ORP", "region": "SIO", "function": "respondent", "phone": "",
                    "email": "alice@orp.example",
                ]
            )
            #expect(changed.status == .seeOther)
            #expect(
                try await api.service.collaborators(by: RegistryAPIFixture.bureau).contains { $0.id == api.alice && $0.name == "Alice Favre-Zen" }
            )
            #expect(resigned.count.withLock { $0 } == 2)
            #expect(try await fixture.get(client, bureau, "/registry/directory/9999").status == .notFound)
            #expect(try await fixture.post(client, bureau, "/registry/directory/9999", form).status == .notFound)
            #expect(api.base.audit.all.contains { $0.kind == .registryChange && $0.subject == "collaborator:\(api.alice)" && $0.outcome == "ok" })
        }
    }

    @Test func theCodeListAddsAndChangesCodesAndRefusesADuplicateNextToTheCode() async throws {
        let api = try await RegistryAPIFixture()
        defer { api.remove() }
        let fixture = BureauPageFixture(api: api)
        let admin = try api.signIn(.admin)
        let bureau = try api.signIn(.bureau)
        try fixture.german(bureau)
        let app = try api.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            #expect(try await fixture.get(client, admin, "/registry/code-lists").html.contains("id=\"code-RAP\""))
            let duplicate = try await fixture.post(
                client,
                admin,
                "/registry/code-lists",
                ["code": "rap", "labelFR": "Rapport", "labelDE": "Bericht"]
            )
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate.hasError(on: "c-code", "Ce code existe déjà : modifiez-le dans la liste."))
            let bad = try await fixture.post(client, bureau, "/registry/code-lists", ["code": "A B", "labelFR": "", "labelDE": "Bericht"])
            #expect(bad.hasError(on: "c-code", "Ein Code hat 1 bis 20 Grossbuchstaben, Ziffern oder Bindestriche."))
            #expect(bad.hasError(on: "c-label-fr", "Dieses Feld ist obligatorisch."))
            #expect(bad.html.contains("value=\"Bericht\""))
            let added = try await fixture.post(
                client,
                admin,
                "/registry/code-lists",
                ["code": "proc", "labelFR": "Procuration", "labelDE": "Vollmacht", "attorney": "1"]
            )
            #expect(added.status == .seeOther)
            let codes = try await api.service.documentCodes(by: RegistryAPIFixture.bureau)
            #expect(codes.contains(DocumentCode(code: "PROC", labelFR: "Procuration", labelDE: "Vollmacht", isPowerOfAttorney: true)))
            let edit = try await fixture.get(client, bureau, "/registry/code-lists/PROC")
            #expect(edit.html.contains("id=\"c-attorney\" value=\"1\" checked"))
            let changed = try await fixture.post(
                client,
                bureau,
                "/registry/code-lists/RAP",
                ["labelFR": "Rapport médical", "labelDE": "Arztbericht"]
            )
            #expect(changed.status == .seeOther)
            #expect(try await api.service.documentCodes(by: RegistryAPIFixture.bureau).contains { $0.code == "RAP" && $0.labelDE == "Arztbericht" })
            #expect(try await fixture.post(client, bureau, "/registry/code-lists/NOPE", ["labelFR": "x", "labelDE": "y"]).status == .notFound)
        }
    }

    @Test func theBureauRecordsTrainingsWithEveryProblemAtOnceInFrenchAndGerman() async throws {
        let api = try await RegistryAPIFixture()
        defer { api.remove() }
        let fixture = BureauPageFixture(api: api)
        let bureau = try api.signIn(.bureau)
        let german = try api.signIn(.bureau)
        try fixture.german(german)
        let app = try api.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let form = ["kind": "training", "title": "", "date": "2027-01-10", "region": "HV", "language": "de", "participants": "0"]
            let refused = try await fixture.post(client, bureau, "/registry/trainings", form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.hasError(on: "tr-title", "Ce champ est obligatoire."))
            #expect(refused.hasError(on: "tr-date", "Cette date doit être entre 1900 et aujourd'hui."))
            #expect(refused.hasError(on: "tr-participants", "De 1 à 10000 participants."))
            #expect(refused.html.contains("value=\"2027-01-10\"") && refused.html.contains("<option value=\"HV\" selected>"))
            let unreadable = try await fixture.post(
                client,
                german,
                "/registry/trainings",
                form.merging(["date": "demain", "participants": "zwölf"]) { $1 }
            )
            #expect(unreadable.hasError(on: "tr-date", "Datum erforderlich (TT.MM.JJJJ)."))
            #expect(unreadable.hasError(on: "tr-participants", "Eine ganze Zahl Teilnehmende."))
            #expect(unreadable.hasError(on: "tr-title", "Dieses Feld ist obligatorisch."), "the other fields are checked too")
            #expect(try await api.service.trainings(year: 2026, by: RegistryAPIFixture.bureau).isEmpty)

            let saved = try await fixture.post(
                client,
                bureau,
                "/registry/trainings",
                [
                    "kind": "regional_day", "title": "Journée régionale Oberwallis", "date": "2026-06-12", "region": "HV", "language": "de",
                    "participants": "12",
                ]
            )
            #expect(saved.status == .seeOther && saved.location == "/registry/trainings?year=2026&saved=1")
            _ = try await fixture.post(
                client,
                bureau,
                "/registry/trainings",
                ["kind": "training", "title": "Formation CII", "date": "12.03.2026", "region": "SIO", "language": "fr", "participants": "55"]
            )
            let badYear = try await fixture.get(client, german, "/registry/trainings?year=20x6")
            #expect(badYear.status == .unprocessableContent && badYear.hasError(on: "year", "Ein Jahr von 2000 bis 2100."))
            #expect(badYear.html.contains("value=\"20x6\"") && badYear.html.contains("Der Filter ist ungültig"))
            let list = try await fixture.get(client, bureau, "/registry/trainings?year=2026")
            #expect(list.html.contains("<strong id=\"total\">67</strong>"))
            #expect(list.html.contains("<span id=\"french-part\">55</span>") && list.html.contains("<span id=\"upper-valais\">12</span>"))
            let stored = try await api.service.trainings(year: 2026, by: RegistryAPIFixture.bureau)
            let day = try #require(stored.first { $0.region == .hautValais })
            let edit = try await fixture.get(client, german, "/registry/trainings/\(day.id)?year=2026")
            #expect(edit.status == .ok && edit.html.contains("value=\"Journée régionale Oberwallis\""))
            let corrected = try await fixture.post(
                client,
                german,
                "/registry/trainings/\(day.id)",
                [
                    "kind": "regional_day", "title": "Regionaltag Oberwallis", "date": "2026-06-12", "region": "HV", "language": "de",
                    "participants": "14",
                ]
            )
            #expect(corrected.status == .seeOther)
            #expect(try await api.service.trainings(year: 2026, by: RegistryAPIFixture.bureau).contains { $0.id == day.id && $0.participants == 14 })
            #expect(try await fixture.get(client, bureau, "/registry/trainings/\(day.id)?year=2025").status == .notFound)
            let missing = try await fixture.post(
                client,
                bureau,
                "/registry/trainings/9999",
                form.merging(["title": "x", "date": "2026-01-01", "participants": "3"]) { $1 }
            )
            #expect(missing.status == .notFound)
        }
    }

    @Test func thePowersOfAttorneyListIsAuditedAndLinksToTheCases() async throws {
        let documents = try await RegistryDocumentFixture()
        defer { documents.remove() }
        let api = documents.api
        let fixture = BureauPageFixture(api: api)
        let id = try await api.makeCase()
        let bureau = try api.signIn(.bureau)
        let app = try documents.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let granted = try await documents.upload(
                client,
                bureau,
                id,
                "designation=Procuration&code=PROC&poaStart=2025-12-01&poaDuration=12&poaUnit=months",
                Samples.pdf,
                ifMatch: try await api.etag(id)
            )
            #expect(granted.status == .created, "\(granted.body)")
            let page = try await fixture.get(client, bureau, "/registry/powers-of-attorney")
            #expect(page.status == .ok)
            #expect(page.html.contains("<a href=\"/registry/cases/\(id)\" id=\"case-\(id)\">"))
            #expect(page.html.contains("Müller Zoé") && page.html.contains("01.12.2026") && page.html.contains("échoit bientôt"))
            let read = api.base.audit.all.filter { $0.kind == .registryRead && $0.actor == bureau.name }
            #expect(read.contains { event in event.details.contains { $0.key == "what" && $0.value == "powers_of_attorney" } })
            let narrow = try await fixture.get(client, bureau, "/registry/powers-of-attorney?within=3")
            #expect(narrow.html.contains("id=\"no-powers\""))
            let bad = try await fixture.get(client, bureau, "/registry/powers-of-attorney?within=-2")
            #expect(bad.status == .unprocessableContent && bad.hasError(on: "within", "Un nombre de jours de 0 à 365."))
            #expect(bad.html.contains("value=\"-2\""))
            api.base.audit.refusing = true
            let unaudited = try await fixture.get(client, bureau, "/registry/powers-of-attorney")
            #expect(unaudited.status == .serviceUnavailable && !unaudited.html.contains("Müller"), "no list without its audit entry")
            api.base.audit.refusing = false
        }
    }

    @Test func theBureauManagesRespondentsAndCoordinatorsButNotBureauOrAdminAccounts() async throws {
        let api = try await RegistryAPIFixture()
        defer { api.remove() }
        let fixture = BureauPageFixture(api: api)
        let bureau = try api.signIn(.bureau)
        let admin = try api.signIn(.admin)
        let app = try api.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let page = try await fixture.get(client, bureau, "/registry/users")
            #expect(page.html.contains("<option value=\"respondent\"") && page.html.contains("<option value=\"coordinator\""))
            #expect(!page.html.contains("<option value=\"bureau\"") && !page.html.contains("<option value=\"admin\""))
            let noEntry = try await fixture.post(
                client,
                bureau,
                "/registry/users",
                ["name": "Chloé Rey", "email": "chloe@orp.example", "role": "respondent", "region": "", "collaborator": "", "language": "fr"]
            )
            #expect(noEntry.status == .unprocessableContent)
            #expect(noEntry.hasError(on: "u-collaborator", "Un répondant CII est lié à son entrée de l'annuaire (elle dit quels dossiers il voit)."))
            #expect(noEntry.html.contains("value=\"chloe@orp.example\""))
            let escalation = try await fixture.post(
                client,
                bureau,
                "/registry/users",
                ["name": "Moi", "email": "moi@cii.test", "role": "admin", "region": "", "collaborator": "", "language": "fr"]
            )
            #expect(escalation.hasError(on: "u-role", "Choisissez une valeur de la liste."))
            let noRegion = try await fixture.post(
                client,
                bureau,
                "/registry/users",
                ["name": "Coord", "email": "coord@cii.test", "role": "coordinator", "region": "", "collaborator": "", "language": "de"]
            )
            #expect(noRegion.hasError(on: "u-region", "Un coordinateur régional a besoin d'une région."))
            let badEmail = try await fixture.post(
                client,
                bureau,
                "/registry/users",
                ["name": "Coord", "email": "coord", "role": "coordinator", "region": "MAR", "collaborator": "", "language": "de"]
            )
            #expect(badEmail.html.contains("id=\"u-email-error\""))
            let made = try await fixture.post(
                client,
                bureau,
                "/registry/users",
                [
                    "name": "Alice Favre", "email": "alice@orp.example", "role": "respondent", "region": "", "collaborator": String(api.alice),
                    "language": "fr",
                ]
            )
            #expect(made.status == .ok && made.html.contains("id=\"secret\""))
            let alice = try #require(try api.server.access.store.account(email: "alice@orp.example"))
            #expect(alice.role == .respondent && alice.collaborator == api.alice)
            let duplicate = try await fixture.post(
                client,
                bureau,
                "/registry/users",
                [
                    "name": "Alice", "email": "alice@orp.example", "role": "respondent", "region": "", "collaborator": String(api.alice),
                    "language": "fr",
                ]
            )
            #expect(duplicate.hasError(on: "u-email", "Un compte avec l'adresse alice@orp.example existe déjà."))

            #expect(try await fixture.post(client, bureau, "/registry/users/\(alice.id)/disable", [:]).location == "/registry/users?saved=1")
            #expect(try api.server.access.account(alice.id).isActive == false)
            #expect(try await fixture.post(client, bureau, "/registry/users/\(alice.id)/renew", [:]).status == .seeOther)
            #expect(try api.server.access.account(alice.id).isActive)
            let adminID = BureauPageFixture.accountID(admin)
            let refused = try await fixture.post(client, bureau, "/registry/users/\(adminID)/disable", [:])
            #expect(refused.status == .forbidden)
            #expect(refused.html.contains("Ce compte est géré par l&#39;administrateur."))
            #expect(try api.server.access.account(adminID).isActive)
            #expect(!(try await fixture.get(client, bureau, "/registry/users").html.contains("id=\"disable-\(adminID)\"")))
            // The admin may give every role, but never disables their own account here.
            let adminPage = try await fixture.get(client, admin, "/registry/users")
            #expect(adminPage.html.contains("<option value=\"bureau\"") && !adminPage.html.contains("id=\"disable-\(adminID)\""))
            #expect(try await fixture.post(client, admin, "/registry/users/\(BureauPageFixture.accountID(bureau))/disable", [:]).status == .seeOther)
            #expect(api.base.audit.all.contains { $0.kind == .accountDisabled && $0.subject == alice.auditName && $0.actor == bureau.name })
        }
    }

    @Test func theLanguageSwitchComesBackToTheRegistryPageAndIsRememberedOnTheAccount() async throws {
        let api = try await RegistryAPIFixture()
        defer { api.remove() }
        let fixture = BureauPageFixture(api: api)
        let bureau = try api.signIn(.bureau)
        let app = try api.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let french = try await fixture.get(client, bureau, "/registry/trainings")
            #expect(french.html.contains("<html lang=\"fr\">") && french.html.contains("name=\"back\" value=\"/registry/trainings\""))
            let switched = try await fixture.post(client, bureau, "/language", ["to": "de", "back": "/registry/trainings"])
            #expect(switched.status == .seeOther && switched.location == "/registry/trainings")
            let id = BureauPageFixture.accountID(bureau)
            #expect(try api.server.access.account(id).language == .de)
            // A new session of the same account (after logging out and in again) is in German.
            try api.server.access.logout(try #require(try api.server.access.session(token: bureau.cookie)))
            let again = try fixture.session(for: id)
            let german = try await fixture.get(client, again, "/registry/trainings")
            #expect(german.html.contains("<html lang=\"de\">") && german.html.contains("Schulungen und Regionaltage"))
        }
    }

    @Test func theLanguageSwitchReturnsToARegistryPageOrItsList() {
        #expect(LanguageController.page(after: "/registry/powers-of-attorney") == "/registry/powers-of-attorney")
        #expect(LanguageController.page(after: "/registry/directory/12") == "/registry/directory/12")
        #expect(LanguageController.page(after: "/registry/code-lists/RAP-MED") == "/registry/code-lists/RAP-MED")
        #expect(LanguageController.page(after: "/registry/users/5/disable") == "/registry/users")
        #expect(LanguageController.page(after: "/registry/trainings/7") == "/registry/trainings")
        #expect(LanguageController.page(after: "/registry/directory/../../evil") == "/registry/directory")
        #expect(LanguageController.page(after: "//evil.example") == "/")
    }

    @Test func theStyleSheetPrintsWithoutMenuFormsOrButtons() async throws {
        let api = try await RegistryAPIFixture()
        defer { api.remove() }
        let app = try api.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let css = try await BureauPageFixture(api: api).get(client, nil, "/static/ciid.css").html
            let print = try #require(css.range(of: "@media print {")).upperBound
            let block = css[print...]
            let hidden = try #require(block.split(separator: "\n").first { $0.contains("display: none !important") })
            for part in ["header", "form", "button", ".notice", "footer"] {
                #expect(hidden.contains(part), "printing hides \(part)")
            }
            #expect(css.contains("header nav { margin-left: auto; justify-content: flex-end; }"), "the language switch stays at the top right")
        }
    }

    @Test func theBureausTextsExistInBothLanguagesAndDoNotOverrideTheCaseworkersTexts() {
        let overlap = Set(BureauPageText.entries.keys).intersection(PageText.caseworkerEntries.keys)
        #expect(overlap.isEmpty, "\(overlap)")
        for (key, text) in BureauPageText.entries {
            #expect(!text.fr.isEmpty && !text.de.isEmpty, "\(key)")
        }
    }
}

/// How many times the directory was re-signed.
final class ReSignCounter: Sendable {
    let count = Mutex(0)
}
