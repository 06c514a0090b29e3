import CIICore
import CIIRegistry
import CIIServer
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

@testable import CIIAccess

/// ``RegistryDocumentFixture`` (a registry, a vault, the bureau's e-mail) driven through the case
/// pages: a ``Browser`` per account, its session opened in the access database.
struct RegistryPageFixture {
    let documents: RegistryDocumentFixture
    var api: RegistryAPIFixture { documents.api }
    var server: NodeServer { documents.server }

    init() async throws { documents = try await RegistryDocumentFixture() }

    func remove() { documents.remove() }

    /// A browser signed in as a new account of `role`, in `language`.
    func browser(
        _ role: AccountRole,
        region: String? = nil,
        collaborator: Int64? = nil,
        language: String = "fr"
    ) throws -> (Browser, RegistryAPIFixture.Caller) {
        let caller = try api.signIn(role, region: region, collaborator: collaborator)
        if language != "fr" {
            try server.access.store.write { db in
                try db.execute(
                    sql: "UPDATE account SET language = ? WHERE id = (SELECT MAX(id) FROM account)",
                    arguments: [language]
                )
            }
        }
        let browser = Browser()
        browser.language = language
        browser.cookies["__Host-ciid-session"] = caller.cookie
        return (browser, caller)
    }

    /// A `multipart/form-data` upload of `fields` then `file` (named `filename`) by `browser`.
    func upload(
        _ client: some TestClientProtocol,
        _ browser: Browser,
        _ id: Int64,
        fields: [(String, String)],
        file: [UInt8],
        filename: String
    ) async throws -> Browser.Page {
        let boundary = "----ciidTestBoundary\(UUID().uuidString.prefix(8))"
        var body = [UInt8]()
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                .utf8
        )
        body += file
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", .acceptLanguage: browser.language]
        headers[.cookie] = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        return try await client.execute(uri: "/registry/cases/\(id)/documents/upload", method: .post, headers: headers, body: ByteBuffer(bytes: body))
        {
            Browser.Page(status: $0.status, location: $0.headers[.location], html: String(buffer: $0.body))
        }
    }

    /// A download's status, headers and bytes.
    func download(_ client: some TestClientProtocol, _ browser: Browser, _ path: String) async throws -> RegistryDocumentFixture.File {
        let headers: HTTPFields = [.cookie: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
        return try await client.execute(uri: path, method: .get, headers: headers) {
            RegistryDocumentFixture.File(status: $0.status, headers: $0.headers, bytes: Array($0.body.readableBytesView))
        }
    }
}

extension Browser.Page {
    /// The text of the element with `id` (up to its first `<`), HTML entities as sent.
    func text(of id: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        guard let close = html[start.upperBound...].firstIndex(of: ">") else { return nil }
        return String(html[html.index(after: close)...].prefix { $0 != "<" })
    }
}
