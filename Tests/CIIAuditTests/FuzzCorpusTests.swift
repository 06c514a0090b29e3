import CIITestSupport
import Testing

@testable import CIIAudit

/// The audit-line fuzzer's corpus, replayed through the reader of `audit verify`.
struct FuzzCorpusTests {
    @Test func auditLineCorpus() throws {
        let inputs = try FuzzCorpus.inputs("FuzzAudit")
        #expect(!inputs.isEmpty)
        for (_, bytes) in inputs { _ = try? AuditLine.read(bytes) }
    }
}
