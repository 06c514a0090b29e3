public import Foundation
public import Sodium
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The node's append-only, hash-chained audit log: one JSON line per event in monthly files
/// (`audit-2026-11.jsonl`) in a folder of its own, apart from the node's database.
///
/// Each line carries a keyed BLAKE2b MAC over its bytes and the MAC of the line before, so that
/// changing, removing, adding or reordering entries breaks the chain (``verify(directory:key:)``).
/// Several processes may append (the server, the admin's CLI commands): each append takes an
/// exclusive `flock` on `audit.lock`, continues the chain from the file's last line when another
/// process wrote since, writes its lines with one `write`, and `fsync`s before it returns.
///
/// Appending is a file write and an `fsync`: never do it on a request's path. The server records
/// events with ``AuditWriter``, which batches them in the background.
public final class AuditLog: Sendable {
    /// The shortest retention the law allows (Swiss data protection ordinance, art. 4: one year).
    public static let minimumRetentionDays = 365

    /// The folder of the log.
    public let directory: URL
    /// How long entries are kept, in days.
    public let retentionDays: Int
    let key: SecretBytes
    let now: @Sendable () -> Date
    let state = Mutex(State())

    struct State {
        /// The open `audit.lock` (-1 until the first append).
        var lockDescriptor: Int32 = -1
        var head: AuditHead?
        /// The newest month in the folder, and the folder's change time when it was listed.
        var listing: (changed: AuditFiles.Stamp, latest: Int)?
        /// The file appended to last, kept open while its path still names the same inode.
        var file: (name: String, descriptor: Int32, inode: UInt64)?
    }

    /// Opens the log in `directory` (created, mode 0700, at the first append).
    /// - Parameters:
    ///   - key: the audit key (``AuditKey``), 32 bytes.
    ///   - retentionDays: how long entries are kept; at least ``minimumRetentionDays``.
    ///   - now: the clock; it picks the monthly file an append goes to and what ``purgeExpired()`` removes.
    /// - Throws: ``AuditError/Code/refused`` for a retention under a year or a key of the wrong length.
    public init(directory: URL, key: SecretBytes, retentionDays: Int = 400, now: @escaping @Sendable () -> Date = Date.init) throws(AuditError) {
        guard retentionDays >= Self.minimumRetentionDays else {
            throw AuditError(
                .refused,
                "an audit retention of \(retentionDays) days is too short: the law asks for at least one year; "
                    + "set it to \(Self.minimumRetentionDays) days or more"
            )
        }
        guard key.count == GenericHash.keyLength else {
            throw AuditError(.refused, "the audit key has \(key.count) bytes instead of \(GenericHash.keyLength); restore the node's audit.key")
        }
        self.directory = directory
        self.key = key
        self.retentionDays = retentionDays
        self.now = now
    }

    deinit {
        state.withLock {
            if $0.lockDescriptor >= 0 { close($0.lockDescriptor) }
            if let file = $0.file { close(file.descriptor) }
        }
    }

    /// The folder as a path.
    var folder: String { directory.path(percentEncoded: false) }

    /// Appends `events`, in order, continuing the chain; durable (`fsync`ed) when it returns.
    /// - Throws: ``AuditError``; then none of the events was written, and the call may be retried.
    public func append(_ events: [AuditEvent]) throws(AuditError) {
        guard !events.isEmpty else { return }
        try state.withLock { (state: inout State) throws(AuditError) in
            let lock = try lockDescriptor(&state)
            try AuditFiles.lock(lock, LOCK_EX)
            defer { try? AuditFiles.lock(lock, LOCK_UN) }
            do throws(AuditError) {
                try append(events, state: &state)
            } catch {
                state.head = nil
                state.listing = nil
                closeFile(&state)
                throw error
            }
        }
    }

    /// Appends under the lock: the chain's end from the cached head if the file has not changed, else from the files.
    private func append(_ events: [AuditEvent], state: inout State) throws(AuditError) {
        let latest = try latestMonth(&state)
        let name = AuditFiles.name(month: max(latest, AuditTime.month(AuditTime.milliseconds(now()))))
        let path = "\(folder)/\(name)"
        let (descriptor, info) = try openFile(name, path: path, &state)
        var head: AuditHead
        if let cached = state.head, cached.file == name, cached.inode == info.inode, cached.size == info.size {
            head = cached
        } else {
            head = try readHead(file: name, descriptor: descriptor, inode: info.inode, size: info.size)
        }

        var out: [UInt8] = []
        out.reserveCapacity(events.count * 300)
        for event in events {
            head.seq += 1
            let body = AuditEntry(seq: head.seq, event: event, prev: head.mac).body()
            head.mac = AuditEntry.mac(of: body, key: key)
            AuditEntry.appendLine(body: body, mac: head.mac, to: &out)
        }
        try writeAll(out, to: descriptor, path: path, from: head.size)
        if head.size == 0 { syncFolder() }  // a new file: make its name durable too
        head.size += Int64(out.count)
        state.head = head
    }

    /// The newest month among the folder's files: listed again only when the folder changed
    /// since (a file made or removed by any process), so that an append costs one `stat`, not a listing.
    private func latestMonth(_ state: inout State) throws(AuditError) -> Int {
        let changed = AuditFiles.stamp(folder)
        if let listing = state.listing, let changed, listing.changed == changed { return listing.latest }
        let latest = try AuditFiles.list(folder).last?.month ?? .min
        state.listing = changed.map { ($0, latest) }
        return latest
    }

    /// The monthly file `name`, open for appends: the one kept open if `path` still names it
    /// (nobody moved or removed it), else opened (made if need be). Returns its size and inode.
    private func openFile(_ name: String, path: String, _ state: inout State) throws(AuditError) -> (Int32, (size: Int64, inode: UInt64)) {
        if let file = state.file, file.name == name, let info = AuditFiles.status(atPath: path), info.inode == file.inode {
            return (file.descriptor, info)
        }
        closeFile(&state)
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AuditError(.cannotOpen, "cannot open \(path): \(AuditFiles.lastError)") }
        let info: (size: Int64, inode: UInt64)
        do throws(AuditError) {
            info = try AuditFiles.status(descriptor: descriptor, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        state.file = (name, descriptor, info.inode)
        return (descriptor, info)
    }

    /// Closes the file kept open, if any.
    private func closeFile(_ state: inout State) {
        if let file = state.file { close(file.descriptor) }
        state.file = nil
    }

    /// Writes `bytes` at the end of the file and `fsync`s it; on failure cuts the file back to `size`.
    private func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String, from size: Int64) throws(AuditError) {
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                #if canImport(Glibc)
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                #else
                let count = Darwin.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                #endif
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    failure = AuditFiles.lastError
                    return
                }
                written += count
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = AuditFiles.lastError }
        if let failure {
            _ = ftruncate(descriptor, off_t(size))
            throw AuditError(.writeFailed, "cannot write to \(path): \(failure); no entry was written (is the disk full?)")
        }
    }

    /// Makes a new file's name durable.
    private func syncFolder() {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The open `audit.lock`, creating the folder and the file the first time.
    func lockDescriptor(_ state: inout State) throws(AuditError) -> Int32 {
        if state.lockDescriptor >= 0 { return state.lockDescriptor }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw AuditError(.cannotOpen, "cannot create the audit folder \(folder): \(error.localizedDescription)")
        }
        let descriptor = open("\(folder)/\(AuditFiles.lockName)", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AuditError(.cannotOpen, "cannot open \(folder)/\(AuditFiles.lockName): \(AuditFiles.lastError)") }
        state.lockDescriptor = descriptor
        return descriptor
    }
}
