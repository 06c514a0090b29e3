import Sodium

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one encrypted document file: the magic, the stream header, then a record per chunk of
/// ``DocumentVault/chunkLength`` plaintext bytes, the last one tagged final.
final class DocumentFileWriter {
    private let fd: Int32
    private let stream: SecretStreamPush
    private let additionalData: [UInt8]
    private var pending: [UInt8] = []
    private var closed = false

    /// Creates `path` (0600, refusing an existing file) and writes the magic and header.
    init(path: String, key: SecretBytes, additionalData: [UInt8]) throws(DocumentError) {
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
        guard fd >= 0 else { throw DocumentError(.ioFailed, "cannot create a document file: \(String(cString: strerror(errno)))") }
        do {
            stream = try SecretStreamPush(key: key)
        } catch {
            close(fd)
            throw DocumentError(.ioFailed, "the document key is not valid")
        }
        self.additionalData = additionalData
        pending.reserveCapacity(DocumentVault.chunkLength)
        try write(DocumentVault.magic + stream.header)
    }

    deinit { if !closed { close(fd) } }

    /// Encrypts and writes every full chunk that `bytes` completes; keeps the rest for later.
    func append(_ bytes: [UInt8]) throws(DocumentError) {
        var offset = 0
        while offset < bytes.count {
            let take = min(DocumentVault.chunkLength - pending.count, bytes.count - offset)
            pending.append(contentsOf: bytes[offset..<(offset + take)])
            offset += take
            if pending.count == DocumentVault.chunkLength {
                try writeRecord(tag: .message)
                pending.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Writes the rest as the final chunk, flushes to disk and closes.
    func finish() throws(DocumentError) {
        try writeRecord(tag: .final)
        Sodium.wipe(&pending)
        let synced = fsync(fd) == 0
        closed = true
        guard close(fd) == 0, synced else { throw DocumentError(.ioFailed, "cannot flush a document file to disk") }
    }

    /// Closes without finishing (the caller removes the file).
    func abandon() {
        Sodium.wipe(&pending)
        if !closed {
            closed = true
            close(fd)
        }
    }

    private func writeRecord(tag: SecretStream.Tag) throws(DocumentError) {
        let sealed: [UInt8]
        do {
            sealed = try stream.push(pending, tag: tag, additionalData: additionalData)
        } catch {
            throw DocumentError(.ioFailed, "cannot encrypt a document chunk")
        }
        let length = UInt32(sealed.count)
        try write([UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + sealed)
    }

    private func write(_ bytes: [UInt8]) throws(DocumentError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw DocumentError(.ioFailed, "cannot write a document file: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }
}
