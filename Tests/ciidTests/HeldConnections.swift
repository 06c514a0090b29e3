import Foundation

/// Raw TCP connections a test opens to a server and holds, from a chosen loopback source address
/// (Linux lets a socket bind any 127/8 address), to flood a node the way an attacker would.
/// Every socket is closed by ``closeAll()`` or when the value goes away.
final class HeldConnections {
    /// The start of a TLS ClientHello that never comes: a record header announcing 512 bytes and
    /// a handshake header, then nothing.
    static let partialClientHello: [UInt8] = [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC]

    private(set) var sockets: [Int32] = []
    /// Connection attempts that failed (refused or timed out).
    private(set) var failures = 0

    deinit { closeAll() }

    /// Opens a connection from `source` to 127.0.0.1:`port` (waiting at most `timeout` seconds for
    /// the kernel's handshake) and sends `bytes`; counts a failure if it cannot connect.
    func open(from source: String, to port: Int, sending bytes: [UInt8], timeout: Double = 2) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else {
            failures += 1
            return
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var local = Self.address(source, port: 0)
        var remote = Self.address("127.0.0.1", port: port)
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &local) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        let started = withUnsafePointer(to: &remote) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) } }
        guard bound == 0, started == 0 || errno == EINPROGRESS, Self.waitConnected(fd, timeout: timeout) else {
            close(fd)
            failures += 1
            return
        }
        sockets.append(fd)
        if !bytes.isEmpty { _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
    }

    /// Sends `bytes` on every held connection (errors ignored: the server may have closed some).
    func sendAll(_ bytes: [UInt8]) {
        for fd in sockets { _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
    }

    /// How many of the held connections the server has not closed yet (reads and drops whatever
    /// the server sent).
    func openCount() -> Int { sockets.filter { !Self.isClosed($0) }.count }

    /// Closes every held socket.
    func closeAll() {
        for fd in sockets { close(fd) }
        sockets = []
    }

    private static func waitConnected(_ fd: Int32, timeout: Double) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) == 1 else { return false }
        var error: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0
    }

    /// Whether the peer closed `fd` (end of stream or a reset); a non-blocking read.
    private static func isClosed(_ fd: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<64 {
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 { continue }
            if count == 0 { return true }
            return !(errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        }
        return false
    }

    private static func address(_ host: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(host)
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
