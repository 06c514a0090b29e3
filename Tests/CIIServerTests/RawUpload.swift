import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 client on a blocking loopback socket that sends a request body piece by piece
/// and calls `between` after each piece, so a test can watch the server while the body is still
/// coming. Runs on a thread of its own (never on Swift's cooperative pool).
enum RawUpload {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends `head` (the request line and headers, without the blank line), then `pieces` pieces
    /// of `pieceLength` bytes made by `piece(index)`, in chunked encoding when `chunked`; calls
    /// `between(index)` after each piece but the last; returns the status and body of the answer.
    static func send(
        port: Int,
        head: String,
        pieces: Int,
        chunked: Bool,
        piece: @escaping @Sendable (Int) -> [UInt8],
        between: @escaping @Sendable (Int) throws -> Void
    ) async throws -> (status: Int, body: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result { try run(port: port, head: head, pieces: pieces, chunked: chunked, piece: piece, between: between) }
                )
            }
        }
    }

    private static func run(
        port: Int,
        head: String,
        pieces: Int,
        chunked: Bool,
        piece: (Int) -> [UInt8],
        between: (Int) throws -> Void
    ) throws -> (status: Int, body: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect failed") }
        func write(_ bytes: [UInt8]) throws {
            var offset = 0
            while offset < bytes.count {
                let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { throw Failure(description: "send failed: \(String(cString: strerror(errno)))") }
                offset += sent
            }
        }
        try write(Array((head + "\r\n\r\n").utf8))
        for index in 0..<pieces {
            let bytes = piece(index)
            if chunked {
                try write(Array((String(bytes.count, radix: 16) + "\r\n").utf8) + bytes + Array("\r\n".utf8))
            } else {
                try write(bytes)
            }
            if index < pieces - 1 { try between(index) }
        }
        if chunked { try write(Array("0\r\n\r\n".utf8)) }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = received.firstRange(of: Array("\r\n\r\n".utf8)) {
                let header = String(decoding: received[..<end.lowerBound], as: UTF8.self)
                let length =
                    header.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                if received.count - end.upperBound >= length {
                    let status = Int(header.split(separator: " ")[1]) ?? 0
                    return (status, String(decoding: received[end.upperBound..<(end.upperBound + length)], as: UTF8.self))
                }
            }
            let got = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw Failure(description: "the server closed before its answer ended (\(received.count) bytes)") }
            received += buffer[0..<got]
        }
    }
}
