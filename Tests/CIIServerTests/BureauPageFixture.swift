import CIICore
import CIIServer
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

@testable import CIIAccess

/// Page requests for the registry's bureau pages, on a ``RegistryAPIFixture``'s coordinator: the
/// session cookie of a caller, forms with its anti-forgery token.
struct BureauPageFixture {
    let api: RegistryAPIFixture

    /// A page's answer.
    struct Page {
        let status: HTTPResponse.Status
        let location: String?
        let html: String

        /// Whether the field `id` carries the error `message` right after it, tied by `aria-describedby`.
        func hasError(on id: String, _ message: String) -> Bool {
            let escaped = message.replacingOccurrences(of: "'", with: "&#39;")
            return (html.contains("aria-describedby=\"\(id)-error\"") || html.contains("aria-describedby=\"\(id)-hint \(id)-error\""))
                && (html.contains("<p class=\"field-error\" id=\"\(id)-error\">\(message)</p>")
                    || html.contains("<p class=\"field-error\" id=\"\(id)-error\">\(escaped)</p>"))
        }
    }

    /// A GET (no caller: anonymous).
    func get(_ client: some TestClientProtocol, _ caller: RegistryAPIFixture.Caller?, _ path: String) async throws -> Page {
        try await send(client, caller, .get, path, form: nil)
    }

    /// A form POST with the caller's anti-forgery token.
    func post(_ client: some TestClientProtocol, _ caller: RegistryAPIFixture.Caller?, _ path: String, _ form: [String: String]) async throws -> Page
    {
        var fields = form
        if let caller { fields["csrf"] = caller.csrf }
        return try await send(client, caller, .post, path, form: fields)
    }

    func send(
        _ client: some TestClientProtocol,
        _ caller: RegistryAPIFixture.Caller?,
        _ method: HTTPRequest.Method,
        _ path: String,
        form: [String: String]?
    ) async throws -> Page {
        var headers: HTTPFields = [:]
        if let caller { headers[.cookie] = "__Host-ciid-session=\(caller.cookie)" }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(
                string: form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                    .joined(separator: "&")
            )
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) {
            Page(status: $0.status, location: $0.headers[.location], html: String(buffer: $0.body))
        }
    }

    /// The account id of a caller (`account:12`).
    static func accountID(_ caller: RegistryAPIFixture.Caller) -> Int64 { Int64(caller.name.dropFirst("account:".count)) ?? 0 }

    /// A new session of the account `id` (as after logging in again).
    func session(for id: Int64) throws -> RegistryAPIFixture.Caller {
        let token = SecretToken.make()
        let csrf = SecretToken.make()
        let moment = api.server.access.now().timeIntervalSince1970
        let hash = SecretToken.hash(token)
        try api.server.access.store.write { db in
            try db.execute(
                sql: "INSERT INTO session (token_hash, account_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [hash, id, csrf, moment, moment]
            )
        }
        return RegistryAPIFixture.Caller(cookie: token, csrf: csrf, name: "account:\(id)")
    }

    /// Switches the caller's account to German.
    func german(_ caller: RegistryAPIFixture.Caller) throws {
        _ = try api.server.access.update(Self.accountID(caller), language: .de, by: "cli")
    }
}
