import CIIServer
import Foundation
import FuzzDriver

/// libFuzzer entry point: reads the input as a form body (`application/x-www-form-urlencoded`),
/// as the login and second-factor pages do.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForm(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
    let form = FormData(parsing: text)
    _ = form["email"]
    return 0
}

/// The entry point: libFuzzer's driver with ``fuzzForm(_:_:)``.
@main
enum FuzzFormMain {
    static func main() {
        exit(ciid_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzForm))
    }
}
