import Sodium

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one encrypted document file record by record (see ``DocumentVault``).
final class DocumentFileReader {
    private let path: String
    private let key: SecretBytes
    private let additionalData: [UInt8]
    private let id: DocumentID
    private var fd: Int32 = -1
    private var stream: SecretStreamPull?
    private var done = false

    init(path: String, key: SecretBytes, additionalData: [UInt8], id: DocumentID) {
        self.path = path
        self.key = key
        self.additionalData = additionalData
        self.id = id
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The next plaintext chunk, or nil after the final one.
    func next() throws(DocumentError) -> [UInt8]? {
        guard !done else { return nil }
        do throws(DocumentError) {
            if stream == nil { try start() }
            guard let stream else { return nil }
            guard let lengthBytes = try readExactly(4) else {
                throw damaged("it ends before its final chunk (truncated)")
            }
            let length = lengthBytes.reduce(0) { $0 << 8 | Int($1) }
            guard length >= SecretStream.overhead, length <= DocumentVault.chunkLength + SecretStream.overhead else {
                throw damaged("a chunk has an impossible length")
            }
            guard let sealed = try readExactly(length) else { throw damaged("it ends inside a chunk (truncated)") }
            let opened: (message: [UInt8], tag: SecretStream.Tag)
            do {
                opened = try stream.pull(sealed, additionalData: additionalData)
            } catch {
                throw damaged("a chunk was altered or encrypted under another key")
            }
            if opened.tag == .final {
                guard try readExactly(1) == nil else { throw damaged("it has bytes after its final chunk") }
                finish()
            }
            return opened.message
        } catch {
            finish()
            throw error
        }
    }

    private func start() throws(DocumentError) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw DocumentError(.notFound, "no document \(id)") }
            throw DocumentError(.ioFailed, "cannot open document \(id): \(String(cString: strerror(errno)))")
        }
        guard let start = try readExactly(DocumentVault.magic.count + SecretStream.headerLength),
            Array(start.prefix(DocumentVault.magic.count)) == DocumentVault.magic
        else { throw damaged("it is not a document file of this vault") }
        do {
            stream = try SecretStreamPull(key: key, header: Array(start.dropFirst(DocumentVault.magic.count)))
        } catch {
            throw damaged("its header is not valid")
        }
    }

    private func finish() {
        done = true
        if fd >= 0 {
            close(fd)
            fd = -1
        }
    }

    private func damaged(_ what: String) -> DocumentError {
        DocumentError(.damaged, "document \(id) cannot be read: \(what); restore the data folder from a backup")
    }

    /// Exactly `count` bytes, or nil when the file ends before.
    private func readExactly(_ count: Int) throws(DocumentError) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, count - offset) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw DocumentError(.ioFailed, "cannot read document \(id): \(String(cString: strerror(errno)))") }
            if got == 0 { return nil }
            offset += got
        }
        return out
    }
}
