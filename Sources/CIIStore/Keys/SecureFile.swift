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
