import CIIFederation
import Foundation
import FuzzDriver

/// libFuzzer entry point: decodes the input as the wire form of a batch; a batch that decodes
/// encodes back to the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBatch(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    if let batch = try? Batch(decoding: bytes) {
        precondition((try? Batch(decoding: batch.encoded())) != nil, "an encoded batch does not decode")
    }
    return 0
}

/// The entry point: libFuzzer's driver with ``fuzzBatch(_:_:)``.
@main
enum FuzzBatchMain {
    static func main() {
        exit(ciid_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzBatch))
    }
}
