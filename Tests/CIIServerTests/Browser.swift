import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A tiny browser for in-process page tests: keeps cookies, reads form tokens, follows nothing by itself.
final class Browser: @unchecked Sendable {
    var cookies: [String: String] = [:]
    var language = "fr"

    struct Page {
        let status: HTTPResponse.Status
        let location: String?
        let html: String

        /// The value of the first hidden `csrf` field.
        var csrf: String? { field("csrf") }

        /// The value of the first input named `name`.
        func field(_ name: String) -> String? {
            guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
            return String(html[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func request(
        _ client: some TestClientProtocol,
        _ method: HTTPRequest.Method,
        _ path: String,
        form: [String: String]? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> Page {
        var headers = extra
        headers[.acceptLanguage] = language
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            let encoded = form.map { key, value in
                "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            body = ByteBuffer(string: encoded.joined(separator: "&"))
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            for header in response.headers[values: .setCookie] {
                let pair = header.split(separator: ";").first ?? ""
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                if header.contains("Max-Age=0") {
                    self.cookies[String(parts[0])] = nil
                } else {
                    self.cookies[String(parts[0])] = String(parts[1])
                }
            }
            return Page(status: response.status, location: response.headers[.location], html: String(buffer: response.body))
        }
    }
}
