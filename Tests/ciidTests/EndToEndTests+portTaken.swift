import CIICore
import Foundation
import Testing

extension EndToEndTests {
    /// A port another process holds: `ciid serve` stops at once and says which port and what to
    /// change, instead of a bare `bind` error.
    @Test func serveSaysWhichPortAnotherProcessHolds() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeNode(known: AVSNumber(completing: 756_300_000_021), alsoOurs: AVSNumber(completing: 756_300_000_022))
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) == 0 && getsockname(holder, $0, &length) == 0 }
        }
        try #require(bound && listen(holder, 1) == 0)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try CIIDProcess.run(["serve", "--data-dir", node, "--port", "\(port)"], in: folder)
        #expect(result.status == 1)
        #expect(result.error.contains("another process already holds port \(port) on 127.0.0.1"), "\(result.error)")
        #expect(!result.error.contains("Usage:"))
    }
}
