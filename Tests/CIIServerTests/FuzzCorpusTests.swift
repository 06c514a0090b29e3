import CIITestSupport
import Testing

@testable import CIIServer

/// The form fuzzer's corpus, replayed through the form parser of the login pages and held against
/// the Foundation decoding it replaced wherever that one was consistent (see ``FormDataTests``).
struct FuzzCorpusTests {
    @Test func formCorpus() throws {
        let inputs = try FuzzCorpus.inputs("FuzzForm")
        #expect(!inputs.isEmpty)
        for (name, bytes) in inputs {
            let body = String(decoding: bytes, as: UTF8.self)
            let form = FormData(parsing: body)
            // Without escapes both readings are plain: they must agree exactly.
            if !body.contains("%") { #expect(form.fields == FormDataTests.reference(body), "\(name)") }
        }
    }
}
