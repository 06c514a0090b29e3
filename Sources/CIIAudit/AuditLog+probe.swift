#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AuditLog {
    /// The size of the write that ``probeWritable()`` tries: room for a few hundred entries.
    static let probeSize = 65_536
    /// The scratch file of ``probeWritable()``, in the audit folder.
    static let probeName = "probe.tmp"

    /// Whether the log would take an append again, without touching it (its files may be
    /// append-only): writes ``probeSize`` bytes to a scratch file in the folder, at the offset
    /// where the next append would start (so that a file size limit applies as it would), then
    /// deletes it.
    /// - Throws: ``AuditError`` when the write fails (a full disk, a file size limit).
    public func probeWritable() throws(AuditError) {
        let latest = try AuditFiles.list(folder).last?.month ?? .min
        let current = "\(folder)/\(AuditFiles.name(month: max(latest, AuditTime.month(AuditTime.milliseconds(now())))))"
        let offset = (try? AuditFiles.status(current).size) ?? 0
        let path = "\(folder)/\(Self.probeName)"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AuditError(.cannotOpen, "cannot open \(path): \(AuditFiles.lastError)") }
        defer {
            close(descriptor)
            unlink(path)
        }
        let bytes = [UInt8](repeating: 0x20, count: Self.probeSize)
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(offset) + off_t(written))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    failure = AuditFiles.lastError
                    return
                }
                written += count
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = AuditFiles.lastError }
        if let failure { throw AuditError(.writeFailed, "cannot write to \(folder): \(failure) (is the disk full?)") }
    }
}
