import Foundation

/// Runs Prometheus's `promtool check metrics` (Debian's `prometheus` package, `make deps-test`).
public enum Promtool {
    /// The `promtool` on the `PATH`, or nil.
    public static var path: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/bin"]
        return folders.map { "\($0)/promtool" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The exit status and output of `promtool check metrics` given `text`.
    /// - Throws: ``PromtoolMissing`` when promtool is not installed.
    public static func check(_ text: String) throws -> (status: Int32, output: String) {
        guard let promtool = path else { throw PromtoolMissing() }
        let input = NSTemporaryDirectory() + "metrics-" + UUID().uuidString + ".txt"
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = ["check", "metrics"]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// promtool is not installed.
public struct PromtoolMissing: Error, CustomStringConvertible {
    /// What to do.
    public var description: String { "promtool is missing: install Debian's `prometheus` package (make deps-test)" }
}
