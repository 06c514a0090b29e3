import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads and writes files that hold secrets: created with mode 0600 from the start (never
/// widened then narrowed), written to a temporary name, flushed, then renamed into place.
public enum SecureFile {
    /// Writes `bytes` to `path` with `mode`, atomically.
    /// - Parameters:
    ///   - overwrite: when false, refuses to replace an existing file.
    public static func write(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o600, overwrite: Bool = true) throws(StoreError) {
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            throw StoreError(.refused, "\(path) already exists; it was left as it is")
        }
        let temporary = "\(path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw StoreError(.cannotOpen, "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        fchmod(fd, mode_t(mode))
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw StoreError(.writeFailed, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Creates an empty file at `path` with mode 0600, whatever the umask, unless a file is there
    /// already (which is left as it is). A database opened there next is its owner's alone, and so
    /// are its `-wal` and `-shm` files: SQLite gives them the database file's mode.
    /// - Returns: true when the file was created.
    @discardableResult
    public static func createPrivate(_ path: String) throws(StoreError) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
        guard fd >= 0 else {
            if errno == EEXIST { return false }
            throw StoreError(
                .cannotOpen,
                "cannot create \(path): \(String(cString: strerror(errno))); check that its folder exists and that this user may write in it"
            )
        }
        fchmod(fd, mode_t(0o600))
        close(fd)
        return true
    }

    /// Takes group and others' permissions off `path`, if it exists and has any (the `-wal` and
    /// `-shm` files of a database, which an older version created 0644). Leaves it alone otherwise.
    public static func narrow(_ path: String) {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o077 != 0 else { return }
        chmod(path, mode_t(mode & 0o700))
    }

    /// Reads a secret file, refusing one that others than its owner can read or write.
    public static func readSecret(_ path: String) throws(StoreError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError(.cannotOpen, "cannot read \(path): \(String(cString: strerror(errno)))") }
        guard info.st_mode & 0o077 == 0 else {
            throw StoreError(.refused, "\(path) is readable by others than its owner; run `chmod 600 \(path)` and check who had access")
        }
        return try read(path)
    }

    /// Reads a file.
    public static func read(_ path: String) throws(StoreError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError(.cannotOpen, "cannot read \(path)")
        }
        return [UInt8](data)
    }

    /// Creates a folder (and its parents) with `mode`.
    public static func makeDirectory(_ path: String, mode: Int = 0o700) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
        } catch {
            throw StoreError(.cannotOpen, "cannot create the folder \(path): \(error.localizedDescription)")
        }
    }
}
