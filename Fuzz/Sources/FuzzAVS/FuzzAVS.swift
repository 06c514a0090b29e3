import CIICore
import Foundation
import FuzzDriver

/// libFuzzer entry point: parses the input as an AVS number, from the raw bytes (as the CSV import
/// does) and as text (as the check form does); both must agree, and a number that parses prints
/// (`formatted`) and parses back to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAVS(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: count)
    let fromBytes = try? AVSNumber(utf8: bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    let fromText = try? AVSNumber(text)
    if let number = fromText {
        precondition((try? AVSNumber(number.formatted)) == number, "formatted number does not parse back")
    }
    if let number = fromBytes, text.utf8.elementsEqual(bytes) {
        precondition(fromText == number, "bytes and text parse differently")
    }
    return 0
}

/// The entry point: libFuzzer's driver with ``fuzzAVS(_:_:)``.
@main
enum FuzzAVSMain {
    static func main() {
        exit(ciid_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzAVS))
    }
}
