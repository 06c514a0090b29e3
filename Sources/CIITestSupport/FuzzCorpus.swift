import Foundation

/// The committed inputs of one libFuzzer target (`Fuzz/Corpus/<target>/`), so that the ordinary
/// suite replays what the fuzzers found interesting through the same parser calls (in a debug
/// build, with Swift's own checks), without the fuzz build.
public enum FuzzCorpus {
    /// Every input of `target`'s corpus, by file name, in name order.
    public static func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        // Sources/CIITestSupport/FuzzCorpus.swift → the package's root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Fuzz/Corpus/\(target)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }
}
