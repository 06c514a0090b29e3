import Crypto
import Foundation
import Sodium

extension SwissIDClient {
    /// The JOSE header fields the client looks at.
    struct Header: Decodable {
        let alg: String
        let kid: String
    }

    /// The header of `token`: a signed JWT (three parts) with an accepted algorithm and a key id.
    static func header(of token: String) throws(SwissIDError) -> Header {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = base64URLDecoded(parts[0]), let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw SwissIDError(.malformedToken, "the ID token is not a signed JWT with an algorithm and a key id")
        }
        guard algorithms.contains(header.alg) else {
            throw SwissIDError(
                .malformedToken,
                "the ID token is signed with \(printable(header.alg)), not one of \(algorithms.sorted().joined(separator: ", "))"
            )
        }
        return header
    }

    /// The PKCE challenge of `verifier` (S256: base64url of its SHA-256, without padding).
    static func challenge(_ verifier: String) -> String {
        Sodium.base64URL(Array(SHA256.hash(data: Array(verifier.utf8))))
    }

    /// `a=1&b=2`, each name and value percent-encoded as a form (RFC 6749 appendix B).
    static func formEncoded(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(formComponent($0.0))=\(formComponent($0.1))" }.joined(separator: "&")
    }

    /// `text` with everything but RFC 3986's unreserved characters percent-encoded.
    static func formComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// RFC 3986's unreserved characters.
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Base64url (with or without padding) decoded, or nil.
    static func base64URLDecoded(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// A value from the provider, cut to 80 printable characters, for an error's reason.
    static func printable(_ text: String) -> String {
        String(text.prefix(80).map { $0.isLetter || $0.isNumber || "-._:/@ ".contains($0) ? $0 : "?" })
    }
}
