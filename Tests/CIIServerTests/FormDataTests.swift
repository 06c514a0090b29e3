import Foundation
import Testing

@testable import CIIServer

/// The form parser of the login and second-factor pages, held against the Foundation decoding it
/// replaced (`+` to a space, then `removingPercentEncoding`, "" when that fails) wherever that one
/// was consistent; escapes that decode to bytes that are not UTF-8 read as "" (Foundation read some
/// of them as U+FFFD and others as nothing).
struct FormDataTests {
    /// What the parser read before it became a byte-level pass: the reference.
    static func reference(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (raw: Substring) in String(raw).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return fields
    }

    static let bodies = [
        "", "&", "&&&", "=", "==", "a", "a=", "=b", "a=b", "a=b&a=c", "a=b=c", "a=%41%42", "a=%4", "a=%",
        "a=%zz", "a=%4g&b=1", "%41=1", "e=j%C3%A9r%C3%B4me%40vs.ch&password=a+b%2Bc", "a=%E2%82%AC&b=€", "a=%00", "a=%7e%7E", "x=+++", "&a=1&&b=2&",
        "a=1&%ZZ=2&b=3", "é=ü", "a=%F0%9F%98%80",
    ]

    @Test(arguments: bodies)
    func readsAsTheFoundationDecodingDid(_ body: String) {
        #expect(FormData(parsing: body).fields == Self.reference(body))
    }

    @Test(arguments: ["a=%C3", "a=%C3%28", "a=%a9", "a=%FF", "a=x%ca+4"])
    func readsEscapesThatAreNotUTF8AsEmpty(_ body: String) {
        #expect(FormData(parsing: body)["a"] == "")
    }

    @Test func readsLoginFields() {
        let form = FormData(parsing: "email=anne.m%40vs.ch&password=s%C3%A9same+ouvre&code=123456")
        #expect(form["email"] == "anne.m@vs.ch")
        #expect(form["password"] == "sésame ouvre")
        #expect(form["code"] == "123456")
        #expect(form["other"] == nil)
    }

    @Test func randomBodiesReadAsTheFoundationDecodingDid() {
        var generator = SystemRandomNumberGenerator()
        // Escapes of ASCII only (Foundation's reading of the others is inconsistent): "%" with "4" and "1"
        // gives valid escapes below 0x80, "%" with anything else malformed ones.
        let alphabet = Array("ab=&%+41é€ ".unicodeScalars)
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<24, using: &generator)
            let body = String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
            #expect(FormData(parsing: body).fields == Self.reference(body), "\(body)")
        }
    }
}
