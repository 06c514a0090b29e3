import CIITestSupport
import Testing

@testable import CIICore

/// The fuzzers' corpora of the AVS and configuration parsers, replayed with the targets' checks.
struct FuzzCorpusTests {
    @Test func avsCorpus() throws {
        let inputs = try FuzzCorpus.inputs("FuzzAVS")
        #expect(!inputs.isEmpty)
        for (name, bytes) in inputs {
            let fromBytes = bytes.withUnsafeBytes { try? AVSNumber(utf8: $0) }
            let text = String(decoding: bytes, as: UTF8.self)
            let fromText = try? AVSNumber(text)
            if let number = fromText { #expect((try? AVSNumber(number.formatted)) == number, "\(name)") }
            if let number = fromBytes, text.utf8.elementsEqual(bytes) { #expect(fromText == number, "\(name)") }
        }
    }

    @Test func configurationCorpus() throws {
        let inputs = try FuzzCorpus.inputs("FuzzConfig")
        #expect(!inputs.isEmpty)
        for (_, bytes) in inputs { _ = try? NodeConfiguration(parsing: String(decoding: bytes, as: UTF8.self), file: "fuzz.conf") }
    }
}
