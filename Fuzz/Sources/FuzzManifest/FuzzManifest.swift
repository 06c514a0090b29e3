import CIIFederation
import Foundation
import FuzzDriver
import Sodium

/// A coordinator key of this process, to sign what the fuzzer writes as a manifest.
let coordinator = SigningKeyPair.generate()
/// A signed manifest to fill in: its fields are replaced on each input.
let template = try! SignedManifest(json: Array(#"{"manifest":"","signature":""}"#.utf8))

/// libFuzzer entry point: reads the input as a signed manifest (the file a member fetches), and
/// also as the manifest JSON inside one, signed here so that the check passes and the manifest's
/// own decoding is reached (the fuzzer cannot forge the coordinator's signature).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifest(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    if let signed = try? SignedManifest(json: bytes) {
        _ = try? signed.verified(coordinatorKey: coordinator.publicKey)
    }
    var signed = template
    signed.manifest = Data(bytes).base64EncodedString()
    signed.signature = Data(coordinator.sign(bytes)).base64EncodedString()
    if let manifest = try? signed.verified(coordinatorKey: coordinator.publicKey) {
        _ = manifest.epochs.count
    }
    return 0
}

/// The entry point: libFuzzer's driver with ``fuzzManifest(_:_:)``.
@main
enum FuzzManifestMain {
    static func main() {
        exit(ciid_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzManifest))
    }
}
