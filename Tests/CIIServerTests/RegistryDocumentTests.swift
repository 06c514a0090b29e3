import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import CIIServer
import Curl
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The documents' files through the registry API: upload streamed into the encrypted vault,
/// download streamed out of it, both audited, in scope, and leaving nothing behind when refused.
@Suite struct RegistryDocumentTests {
    @Test func uploadAndDownloadRoundTripEveryKindWithItsHeaders() async throws {
        let fixture = try await RegistryDocumentFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let alice = try api.signIn(.respondent, collaborator: api.alice)
        let sion = try api.signIn(.coordinator, region: "SIO")
        let bureau = try api.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let samples: [(String, [UInt8], String, String)] = [
                ("Rapport médical", Samples.pdf, "pdf", "application/pdf"),
                ("Scan carte", Samples.png, "png", "image/png"),
                ("Notes d'entretien", Samples.text, "text", "text/plain; charset=utf-8"),
            ]
            var etag = try await api.etag(id)
            for (index, (designation, bytes, kind, mediaType)) in samples.enumerated() {
                let query = "designation=\(designation.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&code=RAP"
                let created = try await fixture.upload(client, alice, id, query, bytes, ifMatch: etag)
                #expect(created.status == .created, "\(created.body)")
                let newETag = try #require(created.headers[.eTag])
                #expect(newETag != etag)
                etag = newETag
                let lines = RegistryDocumentFixture.documents(created)
                #expect(lines.count == index + 1)
                let line = try #require(lines.last)
                #expect(line["kind"] as? String == kind && line["size"] as? Int == bytes.count && line["designation"] as? String == designation)
                let vaultID = try #require(line["vaultID"] as? String)
                #expect(created.headers[.location] == "/api/v1/registry/cases/\(id)/documents/\(vaultID)")
                for caller in [alice, sion, bureau] {
                    let file = try await fixture.download(client, caller, id, vaultID)
                    #expect(file.status == .ok)
                    #expect(file.bytes == bytes)
                    #expect(file.headers[.contentType] == mediaType)
                    #expect(file.headers[.contentLength] == String(bytes.count))
                    #expect(file.headers[.cacheControl] == "no-store" && file.headers[.xContentTypeOptions] == "nosniff")
                    let disposition = try #require(file.headers[.contentDisposition])
                    #expect(disposition.hasPrefix("attachment; filename=\""))
                    #expect(disposition.contains(".\(kind == "text" ? "txt" : kind)\""))
                }
            }
            let disposition = try #require(
                try await fixture.download(
                    client,
                    bureau,
                    id,
                    RegistryDocumentFixture.documents(try await api.call(client, bureau, .get, "/cases/\(id)"))[0]["vaultID"] as! String
                )
                .headers[.contentDisposition]
            )
            #expect(disposition == "attachment; filename=\"Rapport_medical.pdf\"; filename*=UTF-8''Rapport%20m%C3%A9dical.pdf")

            // Every upload and download is in the audit log; a download only once its entry is durable.
            let events = api.base.audit.all
            #expect(events.filter { $0.kind == .registryChange && $0.actor == alice.name && $0.outcome == "stored" }.count == 3)
            let reads = events.filter { $0.kind == .registryRead && $0.details.contains { $0.key == "what" && $0.value == "document" } }
            #expect(reads.count == 10)
            #expect(Set(reads.map(\.actor)) == [alice.name, sion.name, bureau.name])
            let vaultID = try #require(try await api.service.readCase(id, by: RegistryAPIFixture.bureau).documents?.first?.vaultID)
            api.base.audit.refusing = true
            let refused = try await fixture.download(client, bureau, id, vaultID)
            api.base.audit.refusing = false
            #expect(refused.status == .serviceUnavailable)
            #expect(!refused.text.contains("PDF"))
        }
    }

    @Test func rolesAndScopeOfUploadAndDownload() async throws {
        let fixture = try await RegistryDocumentFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let alice = try api.signIn(.respondent, collaborator: api.alice)
        let bruno = try api.signIn(.respondent, collaborator: api.bruno)
        let sion = try api.signIn(.coordinator, region: "SIO")
        let monthey = try api.signIn(.coordinator, region: "MON")
        let bureau = try api.signIn(.bureau)
        let admin = try api.signIn(.admin)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let uploads: [(String, RegistryAPIFixture.Caller?, HTTPResponse.Status)] = [
                ("bruno", bruno, .notFound), ("sion", sion, .forbidden), ("monthey", monthey, .forbidden), ("admin", admin, .forbidden),
                ("anonymous", nil, .unauthorized), ("alice", alice, .created), ("bureau", bureau, .created),
            ]
            for (name, caller, wanted) in uploads {
                let answer = try await fixture.upload(
                    client,
                    caller,
                    id,
                    "designation=Rapport&code=RAP",
                    Samples.pdf,
                    ifMatch: try await api.etag(id)
                )
                #expect(answer.status == wanted, "upload as \(name): \(answer.body)")
                if wanted != .created { #expect(!answer.codes.isEmpty) }
            }
            #expect(fixture.files().count == 2)
            let vaultID = try #require(try await api.service.readCase(id, by: RegistryAPIFixture.bureau).documents?.first?.vaultID)
            let downloads: [(String, RegistryAPIFixture.Caller?, HTTPResponse.Status)] = [
                ("alice", alice, .ok), ("bruno", bruno, .notFound), ("sion", sion, .ok), ("monthey", monthey, .notFound),
                ("bureau", bureau, .ok), ("admin", admin, .forbidden), ("anonymous", nil, .unauthorized),
            ]
            for (name, caller, wanted) in downloads {
                let file = try await fixture.download(client, caller, id, vaultID)
                #expect(file.status == wanted, "download as \(name): \(file.text)")
                if wanted != .ok { #expect(!file.text.contains("%PDF")) }
            }
            // A file no line of this case names is a 404, whatever the vault holds.
            let other = try await api.makeCase()
            #expect(try await fixture.download(client, bureau, other, vaultID).status == .notFound)
            #expect(try await fixture.download(client, bureau, id, String(repeating: "a", count: 32)).status == .notFound)
            #expect(try await fixture.download(client, bureau, id, "../registry.sqlite").status == .notFound)
        }
    }

    @Test func preconditionsLinesAndKindsAreCheckedAndNothingIsLeft() async throws {
        let fixture = try await RegistryDocumentFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let bureau = try api.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let etag = try await api.etag(id)
            let missing = try await fixture.upload(client, bureau, id, "designation=R&code=RAP", Samples.pdf, ifMatch: nil)
            #expect(missing.status.code == 428 && missing.codes == ["precondition.required"])
            let stale = try await fixture.upload(client, bureau, id, "designation=R&code=RAP", Samples.pdf, ifMatch: "\"99\"")
            #expect(stale.status == .preconditionFailed && stale.codes == ["case.changed"])
            let unknown = try await fixture.upload(client, bureau, id, "designation=&code=NOPE", Samples.pdf, ifMatch: etag)
            #expect(unknown.status == .unprocessableContent)
            #expect(Set(unknown.fields) == ["document.designation", "document.code"])
            let power = try await fixture.upload(client, bureau, id, "designation=Procuration&code=PROC", Samples.pdf, ifMatch: etag)
            #expect(power.status == .unprocessableContent && power.fields == ["document.powerOfAttorney"])
            let badPower = try await fixture.upload(
                client,
                bureau,
                id,
                "designation=Procuration&code=PROC&poaStart=2026-13-01&poaDuration=x&poaUnit=weeks",
                Samples.pdf,
                ifMatch: etag
            )
            #expect(Set(badPower.fields) == ["poaStart", "poaDuration", "poaUnit"])
            let elf = try await fixture.upload(client, bureau, id, "designation=scan.pdf&code=RAP", Samples.elf, ifMatch: etag)
            #expect(elf.status == .unprocessableContent && elf.codes == ["document.kind"], "\(elf.body)")
            let empty = try await fixture.upload(client, bureau, id, "designation=vide&code=RAP", [], ifMatch: etag)
            #expect(empty.status == .unprocessableContent && empty.codes == ["document.empty"])
            let tooLarge = try await fixture.upload(
                client,
                bureau,
                id,
                "designation=gros&code=RAP",
                Samples.pdf + [UInt8](repeating: 0x20, count: 25 << 20),
                ifMatch: etag
            )
            #expect(tooLarge.status == .contentTooLarge && tooLarge.codes == ["document.too_large"], "\(tooLarge.body)")
            #expect(fixture.files().isEmpty)
            #expect(try await api.etag(id) == etag)
            #expect(
                api.base.audit.all.contains {
                    $0.kind == .registryChange && $0.outcome == "refused" && $0.details.contains { $0.key == "reason" && $0.value == "document.kind" }
                }
            )

            // A power of attorney: its expiry is computed and the case is listed when it comes near.
            let granted = try await fixture.upload(
                client,
                bureau,
                id,
                "designation=Procuration&code=PROC&poaStart=2025-12-01&poaDuration=12&poaUnit=months",
                Samples.pdf,
                ifMatch: etag
            )
            #expect(granted.status == .created, "\(granted.body)")
            let line = try #require(RegistryDocumentFixture.documents(granted).first)
            #expect((line["powerOfAttorney"] as? [String: Any])?["expiry"] as? String == "2026-12-01")
            let listed = try await api.call(client, bureau, .get, "/powers-of-attorney")
            #expect(listed.body.contains("\"caseID\":\(id)"))
        }
    }

    /// Removing a line deletes its file once the change is committed; a line may name only a
    /// file its case holds, so no case can take (then read or delete) another's file.
    /// Fails on the code without `replaceDocuments`' check: Bruno's PUT naming Alice's file is
    /// taken (200), he then downloads it (200), and removing the line deletes Alice's file.
    @Test func removingALineDeletesItsFileAndNoCaseTakesAnothersFile() async throws {
        let fixture = try await RegistryDocumentFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let mine = try await api.makeCase(region: .hautValais, announcing: api.bruno)
        let alice = try api.signIn(.respondent, collaborator: api.alice)
        let bruno = try api.signIn(.respondent, collaborator: api.bruno)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let first = try await fixture.upload(client, alice, id, "designation=Un&code=RAP", Samples.pdf, ifMatch: try await api.etag(id))
            let second = try await fixture.upload(client, alice, id, "designation=Deux&code=RAP", Samples.text, ifMatch: first.headers[.eTag])
            #expect(second.status == .created)
            var lines = RegistryDocumentFixture.documents(second)
            let kept = try #require(lines[0]["vaultID"] as? String)
            let gone = try #require(lines[1]["vaultID"] as? String)
            #expect(fixture.files().count == 2)

            // Bruno names Alice's file in his own case.
            let stolen = "[{\"designation\":\"x\",\"code\":\"RAP\",\"vaultID\":\"\(kept)\",\"size\":1,\"kind\":\"text\"}]"
            let taken = try await api.call(client, bruno, .put, "/cases/\(mine)/documents", stolen, ifMatch: try await api.etag(mine))
            #expect(taken.status == .unprocessableContent && taken.fields == ["documents[0].vaultID"], "\(taken.body)")
            #expect(try await fixture.download(client, bruno, mine, kept).status == .notFound)
            _ = try await api.call(client, bruno, .put, "/cases/\(mine)/documents", "[]", ifMatch: try await api.etag(mine))
            #expect(fixture.files().count == 2)

            // Alice renames the first line (its size and kind stay the vault's) and removes the second.
            lines[0]["designation"] = "Premier"
            lines[0]["size"] = 999_999
            lines[0]["kind"] = "png"
            let body = String(decoding: try JSONSerialization.data(withJSONObject: [lines[0]]), as: UTF8.self)
            let changed = try await api.call(client, alice, .put, "/cases/\(id)/documents", body, ifMatch: second.headers[.eTag])
            #expect(changed.status == .ok, "\(changed.body)")
            let after = try #require(RegistryDocumentFixture.documents(changed).first)
            #expect(after["designation"] as? String == "Premier" && after["size"] as? Int == Samples.pdf.count && after["kind"] as? String == "pdf")
            #expect(fixture.files() == ["\(kept).doc"])
            #expect(try await fixture.download(client, alice, id, gone).status == .notFound)
            #expect(try await fixture.download(client, alice, id, kept).bytes == Samples.pdf)
            let twice = "[\(body.dropFirst().dropLast()),\(body.dropFirst().dropLast())]"
            let doubled = try await api.call(client, alice, .put, "/cases/\(id)/documents", twice, ifMatch: changed.headers[.eTag])
            #expect(doubled.status == .unprocessableContent && doubled.fields == ["documents[1].vaultID"])
        }
    }

    /// The plain text of an uploaded document appears in no file of the data folder.
    @Test func aDocumentsTextIsInNoFileOfTheDataFolder() async throws {
        let fixture = try await RegistryDocumentFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let bureau = try api.signIn(.bureau)
        let marker = "Diagnostic confidentiel ZX-\(UUID().uuidString)"
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let body = Array(String(repeating: marker + "\n", count: 2000).utf8)
            let created = try await fixture.upload(client, bureau, id, "designation=Notes&code=RAP", body, ifMatch: try await api.etag(id))
            #expect(created.status == .created)
            let vaultID = try #require(RegistryDocumentFixture.documents(created).first?["vaultID"] as? String)
            #expect(try await fixture.download(client, bureau, id, vaultID).bytes == body)
        }
        let needle = Array(marker.utf8)
        var scanned = 0
        let files = FileManager.default.enumerator(atPath: api.base.folder)
        while let name = files?.nextObject() as? String {
            let path = api.base.folder + "/" + name
            var folder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &folder), !folder.boolValue else { continue }
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(bytes.firstRange(of: needle) == nil, "the document's text is in \(name)")
            scanned += 1
        }
        #expect(scanned >= 3)
    }

    /// A 20 MiB upload is streamed: while the body is still coming, what came is already
    /// encrypted on disk (all but a piece behind), so the server never holds it whole. A larger
    /// upload without a declared length is refused (413) once past the limit, leaving nothing.
    @Test func a20MiBUploadIsStreamedToDiskAndAnOversizedOneLeavesNothing() async throws {
        let fixture = try await RegistryDocumentFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let id = try await api.makeCase()
        let bureau = try api.signIn(.bureau)
        let pieceLength = 1 << 20
        let folder = fixture.vault.folder
        @Sendable func piece(_ index: Int) -> [UInt8] {
            index == 0
                ? Samples.pdf + [UInt8](repeating: 0x25, count: pieceLength - Samples.pdf.count)
                : [UInt8](repeating: UInt8(index & 0x7F), count: pieceLength)
        }
        /// Waits until the upload in progress (`.part`) holds at least `bytes` bytes.
        @Sendable func waitForSpool(_ bytes: Int) throws {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                let spooled =
                    names.filter { $0.hasSuffix(".part") }.compactMap {
                        (try? FileManager.default.attributesOfItem(atPath: folder + "/" + $0)[.size]) as? Int
                    }.max() ?? 0
                if spooled >= bytes { return }
                Thread.sleep(forTimeInterval: 0.01)
            }
            throw RawUpload.Failure(description: "the upload was not on disk while the body was still coming (wanted \(bytes) bytes)")
        }
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let etag = try await api.etag(id)
            func head(_ length: String) -> String {
                "POST /api/v1/registry/cases/\(id)/documents?designation=Gros%20rapport&code=RAP HTTP/1.1\r\nHost: localhost\r\n"
                    + "Cookie: __Host-ciid-session=\(bureau.cookie)\r\nX-CSRF-Token: \(bureau.csrf)\r\nIf-Match: \(etag)\r\n"
                    + "Content-Type: application/octet-stream\r\n\(length)"
            }
            let count = 20
            let answer = try await RawUpload.send(
                port: port,
                head: head("Content-Length: \(count * pieceLength)"),
                pieces: count,
                chunked: false,
                piece: piece
            ) { index in
                try waitForSpool((index + 1) * pieceLength - DocumentVault.chunkLength)
            }
            #expect(answer.status == 201, "\(answer.body)")
            let view = try await api.service.readCase(id, by: RegistryAPIFixture.bureau)
            let line = try #require(view.documents?.first)
            #expect(line.size == Int64(count * pieceLength))
            let file = try await fixture.download(client, bureau, id, line.vaultID)
            #expect(file.status == .ok && file.bytes.count == count * pieceLength)
            #expect(file.bytes == (0..<count).flatMap(piece))

            // Chunked, no length declared: refused once past 25 MiB, nothing kept.
            let before = fixture.files()
            let over = try await RawUpload.send(
                port: port,
                head: head("Transfer-Encoding: chunked").replacingOccurrences(of: "If-Match: \(etag)", with: "If-Match: \(view.etag.header)"),
                pieces: 26,
                chunked: true,
                piece: piece
            ) { _ in }
            #expect(over.status == 413 && over.body.contains("document.too_large"), "\(over.body)")
            #expect(fixture.files() == before)
            #expect(try await api.etag(id) == view.etag.header)
        }
    }

    /// A cancellation e-mails the bureau the case number, who and when: never the reason (sealed),
    /// a name or an AVS number. The cancellation stands when the relay fails.
    @Test func aCancellationMailsTheBureauWithoutReasonNameOrAVS() async throws {
        let fixture = try await RegistryDocumentFixture()
        defer { fixture.remove() }
        let api = fixture.api
        let mailer = api.base.mailer
        let id = try await api.makeCase()
        let other = try await api.makeCase()
        let bureau = try api.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let reason = "Doublon du dossier de la soeur, voir courrier du médecin"
            let cancelled = try await api.call(
                client,
                bureau,
                .post,
                "/cases/\(id)/cancellation",
                "{\"reason\":\"\(reason)\"}",
                ifMatch: try await api.etag(id)
            )
            #expect(cancelled.status == .ok)
            let deadline = Date().addingTimeInterval(10)
            while mailer.last(to: RegistryDocumentFixture.bureauAddress) == nil, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            let mail = try #require(mailer.last(to: RegistryDocumentFixture.bureauAddress))
            #expect(mail.subject.contains("cas \(id) annulé") && mail.subject.contains("Fall \(id) storniert"))
            #expect(mail.textBody.contains(bureau.name))
            for secret in [reason, "Doublon", "Müller", "Zoé", api.avs.formatted, api.avs.formatted.filter(\.isNumber)] {
                #expect(!mail.textBody.contains(secret) && !mail.subject.contains(secret))
            }

            mailer.failSends(with: MailError("relay down"))
            let stands = try await api.call(
                client,
                bureau,
                .post,
                "/cases/\(other)/cancellation",
                "{\"reason\":\"Erreur\"}",
                ifMatch: try await api.etag(other)
            )
            #expect(stands.status == .ok)
            #expect(try await api.service.readCase(other, by: RegistryAPIFixture.bureau).status == .cancelled)
            mailer.failSends(with: nil)
        }
    }
}
