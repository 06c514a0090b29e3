import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension ProcessMetrics {
    /// Reads the metrics of this process from `/proc/self`, or nil where there is no `/proc`.
    static func read() -> ProcessMetrics? {
        #if os(Linux)
        guard let stat = file("/proc/self/stat"), let end = stat.lastIndex(of: ")") else { return nil }
        // The fields after the command name (which may hold spaces and parentheses), from field 3.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        func field(_ number: Int) -> Double? { fields.count > number - 3 ? Double(fields[number - 3]) : nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
        guard ticks > 0, let user = field(14), let system = field(15), let started = field(22), let virtual = field(23),
            let resident = field(24), let boot = bootTime()
        else { return nil }
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        return ProcessMetrics(
            cpuSeconds: (user + system) / ticks,
            residentBytes: resident * pageSize,
            virtualBytes: virtual,
            openFileDescriptors: Double(descriptors),
            maximumFileDescriptors: fileDescriptorLimit(),
            startTimeSeconds: boot + started / ticks
        )
        #else
        return nil
        #endif
    }

    /// The boot time, `btime` of `/proc/stat`, in seconds since the Unix epoch.
    static func bootTime() -> Double? {
        guard let text = file("/proc/stat") else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix("btime ") }
        return line.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
    }

    /// The soft limit of open files, from `/proc/self/limits` (nil when unlimited).
    static func fileDescriptorLimit() -> Double? {
        guard let text = file("/proc/self/limits") else { return nil }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Max open files") }) else { return nil }
        let words = line.split(separator: " ")
        return words.count > 3 ? Double(words[3]) : nil
    }

    /// The whole text of a `/proc` file (whose size `stat` gives as 0: read to the end).
    static func file(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
