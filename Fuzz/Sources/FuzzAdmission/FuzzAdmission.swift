import CIIFederation
import Foundation
import FuzzDriver

/// libFuzzer entry point: reads the input as an admission file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAdmission(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    _ = try? Admission(json: bytes, source: "fuzz.json")
    return 0
}

/// The entry point: libFuzzer's driver with ``fuzzAdmission(_:_:)``.
@main
enum FuzzAdmissionMain {
    static func main() {
        exit(ciid_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzAdmission))
    }
}
