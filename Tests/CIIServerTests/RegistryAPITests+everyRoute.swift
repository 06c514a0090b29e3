import CIIAccess
import CIIServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

extension RegistryAPITests {
    /// Who may call each registry route, as issue 13 specifies it: written here, apart from the
    /// controller's own groups, so that a route given the wrong group fails this test.
    static let allowed: [String: Set<String>] = {
        let caseRoles: Set<String> = ["respondent", "coordinator", "bureau"]
        let respondentAndBureau: Set<String> = ["respondent", "bureau"]
        var table: [String: Set<String>] = [
            "POST /cases": respondentAndBureau,
            "GET /cases": caseRoles,
            "POST /searches": caseRoles,
            "GET /cases/{id}": caseRoles,
            "GET /cases/{id}/history": caseRoles,
            "POST /cases/{id}/documents": respondentAndBureau,
            "GET /cases/{id}/documents/{vaultID}": caseRoles,
            "POST /cases/{id}/cancellation": ["bureau"],
            "GET /notices": ["bureau"],
            "GET /powers-of-attorney": ["bureau"],
            "GET /invoices/medical": ["bureau"],
            "POST /person-reports": ["bureau"],
            "GET /trainings": ["bureau"],
            "POST /trainings": ["bureau"],
            "PUT /trainings/{id}": ["bureau"],
            "GET /collaborators": caseRoles.union(["admin"]),
            "POST /collaborators": ["bureau", "admin"],
            "PUT /collaborators/{id}": ["bureau", "admin"],
            "GET /document-codes": caseRoles.union(["admin"]),
            "PUT /document-codes/{code}": ["bureau", "admin"],
        ]
        for tab in ["person", "announcement", "situation", "collaborators", "documents", "logbook"] {
            table["PUT /cases/{id}/\(tab)"] = respondentAndBureau
        }
        for tab in ["decision", "services"] { table["PUT /cases/{id}/\(tab)"] = ["coordinator", "bureau"] }
        for tab in ["medical-mandate", "gravity"] { table["PUT /cases/{id}/\(tab)"] = ["bureau"] }
        return table
    }()

    /// Every route the coordinator serves under `/api/v1/registry`, with every role: a role the
    /// table above does not allow gets 403 `role.forbidden` before any work (even on a case in its
    /// scope), an allowed one never gets 403, nobody signed in gets 401, and the case is unchanged.
    @Test func everyServedRouteAnswersExactlyTheRolesItAllows() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let id = try await fixture.makeCase()  // Sion's, announced by Alice: in the scope of every case role below
        let before = try await fixture.etag(id)
        let callers: [(String, RegistryAPIFixture.Caller)] = [
            ("respondent", try fixture.signIn(.respondent, collaborator: fixture.alice)),
            ("coordinator", try fixture.signIn(.coordinator, region: "SIO")),
            ("bureau", try fixture.signIn(.bureau)),
            ("admin", try fixture.signIn(.admin)),
        ]
        let prefix = "/api/v1/registry"
        let routes = fixture.server.makeRouter().routes
            .filter { $0.path.description.hasPrefix(prefix) }
            .map { (method: $0.method, path: String($0.path.description.dropFirst(prefix.count))) }
        let served = Set(routes.map { "\($0.method.rawValue) \($0.path)" })
        #expect(served == Set(Self.allowed.keys), "routes without a line in the table: \(served.subtracting(Self.allowed.keys).sorted())")

        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            for route in routes {
                let roles = Self.allowed["\(route.method.rawValue) \(route.path)"] ?? []
                let path = route.path
                    .replacingOccurrences(of: "{id}", with: String(id))
                    .replacingOccurrences(of: "{vaultID}", with: String(repeating: "ab", count: 16))
                    .replacingOccurrences(of: "{code}", with: "DEC")
                let body = route.method == .get ? nil : "{}"
                for (role, caller) in callers {
                    let answer = try await fixture.call(client, caller, route.method, path, body)
                    if roles.contains(role) {
                        #expect(answer.status != .forbidden, "\(route.method) \(route.path) as \(role): \(answer.body)")
                    } else {
                        #expect(answer.status == .forbidden, "\(route.method) \(route.path) as \(role): \(answer.status.code) \(answer.body)")
                        #expect(answer.codes == ["role.forbidden"], "\(route.method) \(route.path) as \(role): \(answer.body)")
                    }
                }
                let anonymous = try await fixture.call(client, nil, route.method, path, body)
                #expect(anonymous.status == .unauthorized, "\(route.method) \(route.path) anonymously: \(anonymous.status.code)")
            }
        }
        #expect(try await fixture.etag(id) == before, "no call of the matrix changed the case")
    }
}
