#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AuditLog {
    /// The end of the chain, read under the lock: the last line of the file `file` (open as
    /// `descriptor`), or of the newest earlier file that has one; seq 0 and zeros for a new log.
    ///
    /// A last line without its newline was cut by a crash or a full disk in the middle of an
    /// append that therefore never returned: it is removed before the chain goes on.
    func readHead(file: String, descriptor: Int32, inode: UInt64, size: Int64) throws(AuditError) -> AuditHead {
        var head = AuditHead(file: file, inode: inode, size: try cutTornLine(descriptor, size: size, file: file), seq: 0, mac: AuditEntry.genesis)
        if head.size > 0 {
            (head.seq, head.mac) = try lastEntry(descriptor, size: head.size, file: file)
            return head
        }
        for earlier in try AuditFiles.list(folder).reversed() where earlier.name < file {
            let path = "\(folder)/\(earlier.name)"
            let other = open(path, O_RDWR | O_CLOEXEC)
            guard other >= 0 else { throw AuditError(.cannotOpen, "cannot open \(path): \(AuditFiles.lastError)") }
            defer { close(other) }
            let size = try cutTornLine(other, size: try AuditFiles.status(path).size, file: earlier.name)
            if size > 0 {
                (head.seq, head.mac) = try lastEntry(other, size: size, file: earlier.name)
                return head
            }
        }
        return head
    }

    /// Cuts a last line that lacks its newline; returns the new size.
    private func cutTornLine(_ descriptor: Int32, size: Int64, file: String) throws(AuditError) -> Int64 {
        guard size > 0, try readBytes(descriptor, at: size - 1, count: 1, file: file) != [0x0A] else { return size }
        var end = size
        var keep: Int64 = 0
        while end > 0, keep == 0 {
            let start = max(0, end - 65_536)
            let chunk = try readBytes(descriptor, at: start, count: Int(end - start), file: file)
            if let newline = chunk.lastIndex(of: 0x0A) { keep = start + Int64(newline) + 1 }
            end = start
        }
        guard ftruncate(descriptor, off_t(keep)) == 0, fsync(descriptor) == 0 else {
            throw AuditError(.writeFailed, "cannot remove the incomplete last line of \(folder)/\(file): \(AuditFiles.lastError)")
        }
        return keep
    }

    /// The seq and MAC of the last line of a file that ends with a newline, checked against the key.
    private func lastEntry(_ descriptor: Int32, size: Int64, file: String) throws(AuditError) -> (Int64, [UInt8]) {
        var length: Int64 = 4096
        while true {
            let start = max(0, size - length)
            let chunk = try readBytes(descriptor, at: start, count: Int(size - start), file: file)
            let content = chunk.dropLast()
            if let newline = content.lastIndex(of: 0x0A) {
                return try check(content[(newline + 1)...], file: file)
            }
            if start == 0 { return try check(content, file: file) }
            length *= 4
        }
    }

    /// The seq and MAC of `line`, if it parses and its MAC is this key's.
    private func check(_ line: ArraySlice<UInt8>, file: String) throws(AuditError) -> (Int64, [UInt8]) {
        let parsed: (entry: AuditEntry, body: ArraySlice<UInt8>)
        do {
            parsed = try AuditEntry.parse(line)
        } catch {
            throw AuditError(
                .corrupt,
                "the last entry of \(folder)/\(file) cannot be read (\(error.reason)); nothing can be chained to it: "
                    + "run `ciid audit verify` and keep the log as it is for the investigation"
            )
        }
        guard AuditEntry.mac(of: Array(parsed.body), key: key) == parsed.entry.mac else {
            throw AuditError(
                .corrupt,
                "the last entry of \(folder)/\(file) (seq \(parsed.entry.seq)) is not signed with this audit key: either audit.key is "
                    + "not the key the log was written with (restore it), or the entry was altered (run `ciid audit verify`)"
            )
        }
        return (parsed.entry.seq, parsed.entry.mac)
    }

    /// `count` bytes at `offset`.
    private func readBytes(_ descriptor: Int32, at offset: Int64, count: Int, file: String) throws(AuditError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = out.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { throw AuditError(.readFailed, "cannot read \(folder)/\(file): \(AuditFiles.lastError)") }
            done += read
        }
        return out
    }
}
