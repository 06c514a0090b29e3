import CIICore
import Foundation
import FuzzDriver

/// libFuzzer entry point: reads the input as the text of `ciid.conf`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
    _ = try? NodeConfiguration(parsing: text, file: "fuzz.conf")
    return 0
}

/// The entry point: libFuzzer's driver with ``fuzzConfig(_:_:)``.
@main
enum FuzzConfigMain {
    static func main() {
        exit(ciid_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzConfig))
    }
}
