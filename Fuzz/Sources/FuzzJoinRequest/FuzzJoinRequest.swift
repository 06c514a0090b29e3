import CIIFederation
import Foundation
import FuzzDriver

/// libFuzzer entry point: reads the input as a join request file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJoinRequest(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    _ = try? JoinRequest(json: bytes, source: "fuzz.json")
    return 0
}

/// The entry point: libFuzzer's driver with ``fuzzJoinRequest(_:_:)``.
@main
enum FuzzJoinRequestMain {
    static func main() {
        exit(ciid_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzJoinRequest))
    }
}
