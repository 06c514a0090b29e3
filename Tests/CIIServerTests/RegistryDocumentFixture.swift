import CIIAccess
import CIICore
import CIIRegistry
import CIIServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// ``RegistryAPIFixture`` with a document vault in its data folder, a power-of-attorney code
/// `PROC`, and the bureau's e-mail recorded.
struct RegistryDocumentFixture {
    let api: RegistryAPIFixture
    let server: NodeServer
    let vault: DocumentVault
    static let bureauAddress = "bureau.cii@admin.test"

    init() async throws {
        api = try await RegistryAPIFixture()
        var server = api.server
        vault = try DocumentVault(folder: api.base.folder + "/registry/documents", key: RegistryKey.generate().documentKey)
        server.documents = vault
        server.bureauMail = BureauMail(mailer: api.base.mailer, address: Self.bureauAddress, from: "ciid@cii.test", node: "cii-vs", url: nil)
        self.server = server
        try await api.service.saveDocumentCode(
            DocumentCode(code: "PROC", labelFR: "Procuration", labelDE: "Vollmacht", isPowerOfAttorney: true),
            by: RegistryAPIFixture.bureau
        )
    }

    func remove() { api.remove() }

    /// The files of the vault's folder, hidden ones (uploads in progress) included.
    func files() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: vault.folder)) ?? []).sorted() }

    /// A download's answer.
    struct File {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// `POST /cases/{id}/documents?query` with `bytes` as the body.
    func upload(
        _ client: some TestClientProtocol,
        _ caller: RegistryAPIFixture.Caller?,
        _ id: Int64,
        _ query: String,
        _ bytes: [UInt8],
        ifMatch: String?
    ) async throws -> RegistryAPIFixture.Answer {
        var headers: HTTPFields = [.contentType: "application/octet-stream"]
        if let caller {
            headers[.cookie] = "__Host-ciid-session=\(caller.cookie)"
            headers[HTTPField.Name("X-CSRF-Token")!] = caller.csrf
        }
        if let ifMatch { headers[.ifMatch] = ifMatch }
        return try await client.execute(
            uri: "/api/v1/registry/cases/\(id)/documents?\(query)",
            method: .post,
            headers: headers,
            body: ByteBuffer(bytes: bytes)
        ) { RegistryAPIFixture.Answer(status: $0.status, headers: $0.headers, body: String(buffer: $0.body)) }
    }

    /// `GET /cases/{id}/documents/{vaultID}`.
    func download(_ client: some TestClientProtocol, _ caller: RegistryAPIFixture.Caller?, _ id: Int64, _ vaultID: String) async throws -> File {
        var headers: HTTPFields = [:]
        if let caller { headers[.cookie] = "__Host-ciid-session=\(caller.cookie)" }
        return try await client.execute(uri: "/api/v1/registry/cases/\(id)/documents/\(vaultID)", method: .get, headers: headers) {
            File(status: $0.status, headers: $0.headers, bytes: Array($0.body.readableBytesView))
        }
    }

    /// The documents tab of an answer's case.
    static func documents(_ answer: RegistryAPIFixture.Answer) -> [[String: Any]] {
        answer.json["documents"] as? [[String: Any]] ?? []
    }
}

/// Small files of every kind the tests send.
enum Samples {
    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0x42, count: 300)
    static let text = Array("Rapport de situation : la personne a déménagé à Sierre ; rendez-vous pris avec l'ORP.\n".utf8)
    /// An ELF executable's start, whatever name it is given.
    static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 120)
}
