import CIICore
import Curl
import Foundation
import Testing

/// "Known elsewhere" (issue 13) across real processes: a member imports its follow-ups, they
/// reach the coordinator's replica, and the coordinator's registry, creating and opening a case
/// for one of those people, names that member and its respondent from the registry's directory.
extension FederationTests {
    @Test func theRegistryNamesTheMemberThatFollowsThePersonOfANewCase() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...4, last: Day.today().adding(days: -9)))
        #expect(try federation.eventually { try federation.replicaCount(at: "cii-vs", from: "orp-vs") == 4 }, "\(federation.log("cii-vs"))")
        let coordinator = try federation.folder("cii-vs")
        try federation.ciid("user", "add", "--data-dir", coordinator, "--email", "bureau@cii.test", "--name", "Bureau", "--role", "bureau")
        try federation.ciid(
            "registry",
            "directory",
            "save",
            "--data-dir",
            coordinator,
            "--name",
            "Odile Praz",
            "--dispositif",
            "ORP",
            "--region",
            "SIO",
            "--phone",
            "027 555 04 04",
            "--email",
            "o.praz@orp.example"
        )
        let session = try RegistrySession.open(coordinator, email: "bureau@cii.test", in: federation.folder)
        func call(_ method: String, _ path: String, _ body: String? = nil) throws -> HTTPResponse {
            var headers = [("Cookie", "__Host-ciid-session=\(session.token)"), ("X-CSRF-Token", session.csrf)]
            if body != nil { headers.append(("Content-Type", "application/json")) }
            return try Curl.perform(
                HTTPRequest(
                    method: method,
                    url: try federation.url("cii-vs") + "/api/v1/registry" + path,
                    headers: headers,
                    body: body.map { Array($0.utf8) } ?? [],
                    caFile: try federation.caFile("orp-vs"),
                    timeoutSeconds: 20
                )
            )
        }
        func newCase(_ index: UInt64) -> String {
            """
            {"person": {"avs": "\(FederationHarness.avs(index).formatted)", "surname": "Rey", "firstName": "Léa", "birthDate": "1990-01-02",
             "sex": "F", "language": "fr", "education": "none"},
             "announcement": {"region": "SIO", "announcedOn": "2026-03-01", "ageGroup": "adult", "dispositif": "CMS"}}
            """
        }
        let lastFollowUp = Day.today().adding(days: -9).iso
        let created = try call("POST", "/cases", newCase(2))
        #expect(created.status == 201, "\(created.text)")
        #expect(
            created.text.contains(
                #""knownElsewhere":[{"contacts":[{"collaboratorID":1,"email":"o.praz@orp.example","name":"Odile Praz","phone":"027 555 04 04","region":"SIO"}],"dispositif":"ORP","lastFollowUp":"\#(lastFollowUp)","node":"orp-vs"}]"#
            ),
            "\(created.text)"
        )
        let id = try #require(
            (try JSONSerialization.jsonObject(with: Data(created.text.utf8)) as? [String: Any])?["id"] as? Int
        )
        let read = try call("GET", "/cases/\(id)")
        #expect(read.status == 200 && read.text.contains(#""dispositif":"ORP","lastFollowUp":"\#(lastFollowUp)","node":"orp-vs""#), "\(read.text)")

        // Someone no member follows: an empty list, not a missing field.
        let unknown = try call("POST", "/cases", newCase(40))
        #expect(unknown.status == 201 && unknown.text.contains(#""knownElsewhere":[]"#), "\(unknown.text)")
    }
}

/// A registry session opened directly in a stopped-or-running node's access database (the login
/// itself is tested by the page tests), as `Tests/registry/schemathesis_run.py` does.
struct RegistrySession {
    let token: String
    let csrf: String

    /// Opens a session for the account `email` of the node at `data`.
    static func open(_ data: String, email: String, in folder: String) throws -> RegistrySession {
        let script = """
            import hashlib, secrets, sqlite3, sys, time
            data, email = sys.argv[1], sys.argv[2]
            token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            db = sqlite3.connect(f"{data}/access.sqlite", timeout=10)
            (account,) = db.execute("SELECT id FROM account WHERE email = ?", (email,)).fetchone()
            now = time.time()
            db.execute("UPDATE account SET must_change_password = 0 WHERE id = ?", (account,))
            db.execute("INSERT INTO session (token_hash, account_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                       (hashlib.blake2b(token.encode(), digest_size=32).digest(), account, csrf, now, now))
            db.commit()
            print(token)
            print(csrf)
            """
        let run = try CIIDProcess.run(["python3", "-c", script, data, email], in: folder, executable: "/usr/bin/env")
        let lines = run.output.split(separator: "\n").map(String.init)
        guard run.status == 0, lines.count == 2 else { throw HarnessError("cannot open a registry session: \(run.error)") }
        return RegistrySession(token: lines[0], csrf: lines[1])
    }
}
