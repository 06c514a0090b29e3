import CIIAudit
import Foundation
import FuzzDriver

/// libFuzzer entry point: reads the input as one line of the audit log (without its newline),
/// with the reader `audit verify`, `audit tail` and `audit export` use.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAudit(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    _ = try? AuditLine.read(bytes)
    return 0
}

/// The entry point: libFuzzer's driver with ``fuzzAudit(_:_:)``.
@main
enum FuzzAuditMain {
    static func main() {
        exit(ciid_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzAudit))
    }
}
