import Foundation
import Synchronization

/// Ports for the servers the tests start, chosen where no outgoing connection can take them.
///
/// A port the kernel hands out for `bind(0)` comes from the ephemeral range, from which every
/// outgoing connection of every process also takes its local port: between choosing it and the
/// `ciid serve` that binds it seconds later, a node's connection to a peer could take it (a CI
/// run once lost a node so). These ports are drawn below the ephemeral range instead, checked
/// free by binding, and never handed out twice in one test run.
enum FreePort {
    private static let handedOut = Mutex<Set<Int>>([])

    /// A port below the ephemeral range that is free now and was not handed out before.
    static func next() throws -> Int {
        let lowestEphemeral = ephemeralRangeStart()
        let range = 20_000..<max(20_001, min(lowestEphemeral, 32_768))
        for _ in 0..<1_000 {
            let port = Int.random(in: range)
            let fresh = handedOut.withLock { $0.insert(port).inserted }
            if fresh, isFree(port) { return port }
        }
        throw HarnessError("no free port between \(range.lowerBound) and \(range.upperBound - 1)")
    }

    /// The first port of the kernel's ephemeral range (`ip_local_port_range`), 32768 if unreadable.
    private static func ephemeralRangeStart() -> Int {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
    }

    /// Whether `port` can be bound on 127.0.0.1 now.
    private static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
