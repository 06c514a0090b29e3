import CIICore
import Curl
import Foundation
import Testing

extension EndToEndTests {
    /// A real coordinator over HTTPS with a real SMTP sink: a document uploaded and downloaded
    /// through the registry API; a cancellation e-mailed to the bureau (never its reason, a name
    /// or an AVS number); the weekly digest sent by `ciid registry digest --send` and by `ciid
    /// serve` once per week, not again after a restart.
    @Test func aCoordinatorKeepsDocumentsAndMailsTheBureau() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sink = try MailSink(folder: folder)
        defer { sink.stop() }
        let coordinator = folder + "/cii"
        try initCoordinator(coordinator)
        let configuration = coordinator + "/ciid.conf"
        try
            (try String(contentsOfFile: configuration, encoding: .utf8)
            + "\n[mail]\nrelay = smtp://127.0.0.1:\(sink.port)\nsecurity = none\nfrom = ciid@cii.test\n\n[registry]\nbureau_email = bureau.cii@cii.test\n")
            .write(toFile: configuration, atomically: true, encoding: .utf8)
        #expect(try ciid("user", "add", "--data-dir", coordinator, "--email", "bureau@cii.test", "--name", "Bureau", "--role", "bureau").status == 0)
        func serve() throws -> (CIIDProcess.Running, Int) {
            try? FileManager.default.removeItem(atPath: folder + "/port")
            let server = try CIIDProcess.start(
                ["serve", "--data-dir", coordinator, "--port", "0", "--federation-port", "0", "--port-file", folder + "/port"],
                in: folder
            )
            return (server, try waitForPort(folder + "/port", server: server))
        }
        var (server, port) = try serve()
        defer { server.stop(SIGKILL) }
        // An empty registry: the week's digest is done at start, and nothing is sent.
        #expect(Polling.eventually(within: 30) { server.errors().contains("0 case(s), nothing sent") }, "\(server.errors())")

        // A bureau session, opened in the access database (the login is tested elsewhere).
        let script = """
            import hashlib, secrets, sqlite3, sys, time
            t, c = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            db = sqlite3.connect(sys.argv[1] + '/access.sqlite', timeout=10)
            now = time.time()
            db.execute('UPDATE account SET must_change_password = 0 WHERE id = 1')
            db.execute('INSERT INTO session (token_hash, account_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
                       (hashlib.blake2b(t.encode(), digest_size=32).digest(), 1, c, now, now))
            db.commit()
            print(t, c)
            """
        let session = try CIIDProcess.run(["python3", "-c", script, coordinator], in: folder, executable: "/usr/bin/env")
        let secrets = session.output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        try #require(session.status == 0 && secrets.count == 2, "\(session.error)")
        func call(_ method: String, _ path: String, _ body: [UInt8] = [], ifMatch: String? = nil, json: Bool = true) throws -> HTTPResponse {
            var headers = [("Cookie", "__Host-ciid-session=\(secrets[0])"), ("X-CSRF-Token", secrets[1])]
            headers.append(("Content-Type", json ? "application/json" : "application/octet-stream"))
            if let ifMatch { headers.append(("If-Match", ifMatch)) }
            return try Curl.perform(
                HTTPRequest(
                    method: method,
                    url: "https://localhost:\(port)/api/v1/registry\(path)",
                    headers: headers,
                    body: body,
                    caFile: coordinator + "/tls/ca.crt",
                    timeoutSeconds: 20
                )
            )
        }
        let code = try call("PUT", "/document-codes/PROC", Array(#"{"labelFR":"Procuration","labelDE":"Vollmacht","isPowerOfAttorney":true}"#.utf8))
        #expect(code.status == 200, "\(code.text)")
        var cases = [Int]()
        for (seed, surname) in [(100_000_042, "Müller"), (100_000_043, "Rossier"), (100_000_044, "Zufferey")] {
            let avs = AVSNumber(completing: 756_000_000_000 + UInt64(seed)).formatted
            let body = """
                {"person":{"avs":"\(avs)","surname":"\(surname)","firstName":"Zoé","birthDate":"1983-05-02","sex":"F","language":"fr","education":"none"},
                 "announcement":{"region":"SIO","announcedOn":"2025-03-01","ageGroup":"adult","dispositif":"ORP"}}
                """
            let answer = try call("POST", "/cases", Array(body.utf8))
            #expect(answer.status == 201, "\(answer.text)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])
            cases.append(try #require(json["id"] as? Int))
        }

        // A power of attorney expiring in 10 days, uploaded over HTTPS and read back.
        let pdf = Array("%PDF-1.7\n% procuration signée\n%%EOF\n".utf8)
        let start = Day.today().adding(days: -100).iso
        let uploaded = try call(
            "POST",
            "/cases/\(cases[0])/documents?designation=Procuration%20CII&code=PROC&poaStart=\(start)&poaDuration=110&poaUnit=days",
            pdf,
            ifMatch: "\"1\"",
            json: false
        )
        #expect(uploaded.status == 201, "\(uploaded.text)")
        let view = try #require(try JSONSerialization.jsonObject(with: Data(uploaded.body)) as? [String: Any])
        let line = try #require((view["documents"] as? [[String: Any]])?.first)
        let vaultID = try #require(line["vaultID"] as? String)
        let expiry = try #require((line["powerOfAttorney"] as? [String: Any])?["expiry"] as? String)
        #expect(expiry == Day.today().adding(days: 10).iso)
        let file = try call("GET", "/cases/\(cases[0])/documents/\(vaultID)")
        #expect(file.status == 200 && file.body == pdf)

        // A case closed eleven years ago, with a document: the retention sweep deletes both.
        let old = try call(
            "POST",
            "/cases/\(cases[2])/documents?designation=Notes&code=PROC&poaStart=\(start)&poaDuration=1&poaUnit=days",
            Array("notes\n".utf8),
            ifMatch: "\"1\"",
            json: false
        )
        #expect(old.status == 201, "\(old.text)")
        let today = Day.today()
        let decision = #"{"openedOn":"\#(today.minus(years: 12).iso)","closedOn":"\#(today.minus(years: 11).iso)","dispositifInCharge":"ORP"}"#
        #expect(try call("PUT", "/cases/\(cases[2])/decision", Array(decision.utf8), ifMatch: "\"2\"").status == 200)
        let documents = coordinator + "/registry/documents"
        #expect(try FileManager.default.contentsOfDirectory(atPath: documents).filter { $0.hasSuffix(".doc") }.count == 2)
        let swept = try ciid("registry", "retention", "--data-dir", coordinator)
        #expect(swept.status == 0 && swept.output.contains("deleted the personal data of 1 case(s)"), "\(swept.output) \(swept.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: documents).filter { $0.hasSuffix(".doc") } == ["\(vaultID).doc"])

        // A cancellation: the bureau is told, without the reason, a name or an AVS number.
        let reason = "Doublon confidentiel du dossier"
        let cancelled = try call("POST", "/cases/\(cases[1])/cancellation", Array(#"{"reason":"\#(reason)"}"#.utf8), ifMatch: "\"1\"")
        #expect(cancelled.status == 200, "\(cancelled.text)")
        func mails(_ marker: String) -> [String] { sink.messages().map(Self.decodedMail).filter { $0.contains(marker) } }
        #expect(Polling.eventually(within: 30) { mails("storniert").count == 1 }, "\(sink.messages())")
        let notice = try #require(mails("storniert").first)
        #expect(notice.contains("Fall Nr. \(cases[1])") && notice.contains("bureau.cii@cii.test"))
        for secret in [reason, "Rossier", "Zoé", "756."] { #expect(!notice.contains(secret), "\(secret) in the mail") }

        // The digest's list, then the digest sent now, from the CLI.
        let listed = try ciid("registry", "digest", "--data-dir", coordinator)
        #expect(listed.status == 0 && listed.output.contains("case \(cases[0])\texpires\t\(expiry)\n1 case(s)"), "\(listed.output) \(listed.error)")
        let sent = try ciid("registry", "digest", "--data-dir", coordinator, "--send")
        #expect(sent.status == 0 && sent.output.contains("digest of 1 case(s) sent"), "\(sent.output) \(sent.error)")
        #expect(Polling.eventually(within: 30) { mails("Vollmacht").count == 1 })
        let digest = try #require(mails("Vollmacht").first)
        #expect(digest.contains("cas \(cases[0]) : échoit le \(expiry)") && digest.contains("Fall \(cases[0]): läuft ab am \(expiry)"))
        for secret in ["Müller", "Zoé", "756.", "Procuration CII"] { #expect(!digest.contains(secret), "\(secret) in the digest") }

        // The service: a week not yet sent goes at start; a restart does not send it again.
        server.stop()
        try FileManager.default.removeItem(atPath: coordinator + "/registry/digest-week")
        (server, port) = try serve()
        #expect(Polling.eventually(within: 30) { mails("Vollmacht").count == 2 }, "\(server.errors())")
        // The state is written (and logged) just after the send: wait for it before the restart.
        #expect(Polling.eventually(within: 30) { server.errors().contains("1 case(s) sent to the bureau") }, "\(server.errors())")
        server.stop()
        (server, port) = try serve()
        #expect(Polling.eventually(within: 30) { server.errors().contains("was already sent") }, "\(server.errors())")
        #expect(mails("Vollmacht").count == 2)
        for output in [server.errors(), sent.output] { #expect(!output.contains(secrets[0]) && !output.contains(reason)) }
    }

    /// A message as text: quoted-printable soft breaks and escapes undone, so it can be searched.
    static func decodedMail(_ raw: String) -> String {
        let joined = raw.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "")
        var bytes = [UInt8]()
        let utf8 = Array(joined.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "="), index + 2 < utf8.count,
                let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
