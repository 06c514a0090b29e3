import Foundation

/// Runs the real `ciid` binary built next to the test bundle, with bounded time.
enum CIIDProcess {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    /// The `ciid` executable: $CIID_BINARY, or the one in the build folder of this test bundle.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["CIID_BINARY"] { return path }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("ciid").path
    }

    /// Runs `ciid arguments…` to completion (killed after `timeout` seconds), with `input` as its
    /// standard input (none when nil); `executable` runs another program instead (`prlimit`).
    static func run(
        _ arguments: [String],
        in folder: String,
        executable: String? = nil,
        input: String? = nil,
        timeout: TimeInterval = 120
    ) throws -> Result {
        let process = try start(arguments, in: folder, executable: executable, input: input)
        let deadline = Date().addingTimeInterval(timeout)
        while process.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.process.isRunning { kill(process.process.processIdentifier, SIGKILL) }
        process.process.waitUntilExit()
        return Result(status: process.process.terminationStatus, output: process.output(), error: process.errors())
    }

    /// A started `ciid` process whose output goes to files in `folder`.
    final class Running {
        let process: Process
        let outputPath: String
        let errorPath: String

        init(process: Process, outputPath: String, errorPath: String) {
            self.process = process
            self.outputPath = outputPath
            self.errorPath = errorPath
        }

        var pid: Int32 { process.processIdentifier }
        func output() -> String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
        func errors() -> String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

        /// Sends `signal` and waits (bounded) for the process to end; SIGKILL if it does not.
        @discardableResult
        func stop(_ signal: Int32 = SIGTERM, within seconds: TimeInterval = 15) -> Int32 {
            if process.isRunning { kill(pid, signal) }
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning { kill(pid, SIGKILL) }
            process.waitUntilExit()
            return process.terminationStatus
        }

        deinit { if process.isRunning { kill(pid, SIGKILL) } }
    }

    /// Starts `ciid arguments…` in the background, with `input` as its standard input (none when nil).
    static func start(_ arguments: [String], in folder: String, executable: String? = nil, input: String? = nil) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let name = UUID().uuidString
        let outputPath = "\(folder)/\(name).out"
        let errorPath = "\(folder)/\(name).err"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        if let input {
            let inputPath = "\(folder)/\(name).in"
            try input.write(toFile: inputPath, atomically: true, encoding: .utf8)
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        return Running(process: process, outputPath: outputPath, errorPath: errorPath)
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "ciid-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
