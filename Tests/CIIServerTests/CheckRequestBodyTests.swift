import CIICore
import Foundation
import NIOCore
import Testing

@testable import CIIServer

/// The check's body reader: the plain form is scanned, every other body goes to `JSONDecoder`,
/// and either way the outcome is what `JSONDecoder` alone gives.
@Suite struct CheckRequestBodyTests {
    /// What the route answered before the scan: `JSONDecoder`, then the AVS number's rules.
    func reference(_ body: String) -> String {
        guard let decoded = try? JSONDecoder().decode(CheckRequestBody.Decoded.self, from: Data(body.utf8)) else { return "notJSON" }
        do {
            return "number \(try AVSNumber(decoded.avs).digitsValue)"
        } catch {
            return "invalid \(error.code.rawValue) \(error)"
        }
    }

    func outcome(_ body: String) -> String {
        switch CheckRequestBody.read(ByteBuffer(string: body)) {
        case .number(let number): "number \(number.digitsValue)"
        case .invalid(let error): "invalid \(error.code.rawValue) \(error)"
        case .notJSON: "notJSON"
        }
    }

    @Test(arguments: [
        #"{"avs":"756.9217.0769.85"}"#,
        #"{"avs": "7569217076985"}"#,
        " \n\t{ \"avs\" :\r\n \"756 9217 0769 85\" } \n",
        #"{"avs":" 756.9217.0769.85 "}"#,
    ])
    func thePlainFormIsScanned(_ body: String) {
        #expect(Array(body.utf8).withUnsafeBytes { CheckRequestBody.scan($0) } != nil)
        #expect(outcome(body) == reference(body))
        #expect(outcome(body) == "number 7569217076985")
    }

    @Test(arguments: [
        #"{"avs":"756.9217.0769.84"}"#,
        #"{"avs":"123"}"#,
        #"{"avs":"756.9217.0769.8x"}"#,
        #"{"avs":""}"#,
        #"{"avs":"   "}"#,
        #"{"avs":"856.9217.0769.85"}"#,
    ])
    func aBadNumberInThePlainFormNamesItsRule(_ body: String) {
        #expect(Array(body.utf8).withUnsafeBytes { CheckRequestBody.scan($0) } != nil)
        #expect(outcome(body).hasPrefix("invalid "))
        #expect(outcome(body) == reference(body))
    }

    @Test(arguments: [
        // Other forms JSON allows: left to JSONDecoder, same outcome as before.
        #"{"avs":"756.9217.0769.85","extra":[1,{"a":null}]}"#,
        #"{"extra":true,"avs":"756.9217.0769.85"}"#,
        #"{"avs":"756.9217\u002e0769.85"}"#,
        #"{"avs":"756.9217.0769.8\u0035"}"#,
        "{\"avs\":\"756\u{00A0}9217\u{00A0}0769\u{00A0}85\"}",
        "\u{FEFF}{\"avs\":\"756.9217.0769.85\"}",
        // Not JSON of the form {"avs": "…"}: 400 as before.
        "",
        "{}",
        "[]",
        "null",
        #"{"number": 1}"#,
        #"{"avs": 7569217076985}"#,
        #"{"avs": null}"#,
        #"{"avs":"756.9217.0769.85""#,
        #"{"avs":"756.9217.0769.85"}}"#,
        #"{"avs":"756.9217.0769.85"} x"#,
        #"{"avs":"756.9217.0769.85",}"#,
        #"{avs:"756.9217.0769.85"}"#,
        #"{'avs':'756.9217.0769.85'}"#,
        #"{"avs":"756.9217.0769.85\"}"#,
        "{\"avs\":\"756.9217\n0769.85\"}",
        "{\"avs\":\"756.9217.0769.85\u{0}\"}",
        #"{"AVS":"756.9217.0769.85"}"#,
        #"{"avs":"756.9217.0769.85"}{"avs":"756.9217.0769.85"}"#,
    ])
    func everyOtherBodyGetsWhatJSONDecoderGave(_ body: String) {
        #expect(outcome(body) == reference(body))
    }

    @Test func invalidUTF8IsNotJSON() {
        var bytes = Array(#"{"avs":"756.9217.0769.85"}"#.utf8)
        bytes.insert(0xFF, at: 10)
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        guard case .notJSON = CheckRequestBody.read(buffer) else {
            Issue.record("a body that is not UTF-8 must be refused as not JSON")
            return
        }
    }
}
