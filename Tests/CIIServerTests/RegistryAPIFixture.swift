import CIICore
import CIIRegistry
import CIIRegistrySQLite
import CIIServer
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

@testable import CIIAccess

/// A coordinator with a registry on a real SQLite file, a small directory, and sessions opened
/// directly in the access database (the login itself is covered by the page tests).
struct RegistryAPIFixture {
    let base = ServerTests()
    let server: NodeServer
    let service: RegistryService
    /// Directory entries: a respondent of Sion (ORP) and one of Haut-Valais (CMS).
    let alice: Int64
    let bruno: Int64
    static let bureau = RegistryActor(accountID: "bureau-seed", role: .bureau)
    /// A synthetic AVS number.
    let avs = AVSNumber(completing: 756_100_000_042)

    /// A caller: the session cookie and its anti-forgery token.
    struct Caller {
        let cookie: String
        let csrf: String
        let name: String
    }

    /// A response.
    struct Answer {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:] }
        var codes: [String] { (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
        var fields: [String] { (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
    }

    init(settings: AccessSettings = AccessSettings()) async throws {
        var server = try base.makeServer(settings: settings, nodeRole: .coordinator)
        let store = try SQLiteRegistryStore(path: base.folder + "/registry.sqlite", key: RegistryKey.generate())
        let noon = Date(timeIntervalSince1970: TimeInterval(base.today.daysSince1970) * 86_400 + 43_200)
        service = RegistryService(store: store, now: { noon })
        alice = try await service.saveCollaborator(
            Collaborator(
                name: "Alice Favre",
                dispositif: .orp,
                region: .sion,
                phone: "027 000 00 01",
                email: "alice@orp.example",
                function: .respondent
            ),
            by: Self.bureau
        ).id
        bruno = try await service.saveCollaborator(
            Collaborator(name: "Bruno Imboden", dispositif: .cms, region: .hautValais, phone: "", email: "bruno@smz.example", function: .respondent),
            by: Self.bureau
        ).id
        try await service.saveDocumentCode(DocumentCode(code: "RAP", labelFR: "Rapport", labelDE: "Bericht"), by: Self.bureau)
        server.registry = service
        self.server = server
    }

    func remove() { try? FileManager.default.removeItem(atPath: base.folder) }

    /// An account of `role` with a live session.
    /// `role` `.caseworker` plays an account the coordinator should never have (made as a
    /// respondent, then changed in the database).
    func signIn(_ role: AccountRole, region: String? = nil, collaborator: Int64? = nil) throws -> Caller {
        let email = "\(role.rawValue)-\(UUID().uuidString.prefix(8))@cii.test"
        _ = try server.access.createAccount(
            email: email,
            name: "Test",
            language: .fr,
            role: role == .caseworker ? .respondent : role,
            caseworker: nil,
            region: region,
            collaborator: collaborator,
            by: "cli"
        )
        guard let account = try server.access.store.account(email: email) else { throw CancellationError() }
        let token = SecretToken.make()
        let csrf = SecretToken.make()
        let moment = server.access.now().timeIntervalSince1970
        let id = account.id
        let hash = SecretToken.hash(token)
        try server.access.store.write { db in
            try db.execute(sql: "UPDATE account SET must_change_password = 0, role = ? WHERE id = ?", arguments: [role.rawValue, id])
            try db.execute(
                sql: "INSERT INTO session (token_hash, account_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [hash, id, csrf, moment, moment]
            )
        }
        return Caller(cookie: token, csrf: csrf, name: account.auditName)
    }

    /// A case of Sion announced by Alice, made through the service.
    func makeCase(region: Region = .sion, announcing: Int64? = nil) async throws -> Int64 {
        try await service.createCase(
            NewCase(
                person: PersonDraft(
                    avs: avs.formatted,
                    surname: "Müller",
                    firstName: "Zoé",
                    birthDate: Day(year: 1983, month: 5, day: 2)!,
                    sex: .female,
                    language: .fr,
                    education: .none
                ),
                announcement: Announcement(region: region, announcedOn: Day(year: 2026, month: 3, day: 1)!, ageGroup: .adult, dispositif: .orp),
                situation: Situation(text: "Situation familiale difficile", riskFactors: [.finances, .family]),
                collaborators: CaseCollaborators(announcing: CaseCollaborator(collaboratorID: announcing ?? alice, function: .announcer))
            ),
            by: Self.bureau
        ).id
    }

    /// The case's current ETag header.
    func etag(_ id: Int64) async throws -> String { try await service.readCase(id, by: Self.bureau).etag.header }

    /// A request to the registry API.
    func call(
        _ client: some TestClientProtocol,
        _ caller: Caller?,
        _ method: HTTPRequest.Method,
        _ path: String,
        _ body: String? = nil,
        ifMatch: String? = nil,
        language: String? = nil,
        csrf: Bool = true
    ) async throws -> Answer {
        var headers: HTTPFields = [:]
        if let caller {
            headers[.cookie] = "__Host-ciid-session=\(caller.cookie)"
            if csrf { headers[HTTPField.Name("X-CSRF-Token")!] = caller.csrf }
        }
        if body != nil { headers[.contentType] = "application/json" }
        if let ifMatch { headers[.ifMatch] = ifMatch }
        if let language { headers[.acceptLanguage] = language }
        return try await client.execute(
            uri: "/api/v1/registry" + path,
            method: method,
            headers: headers,
            body: body.map { ByteBuffer(string: $0) }
        ) { Answer(status: $0.status, headers: $0.headers, body: String(buffer: $0.body)) }
    }
}
