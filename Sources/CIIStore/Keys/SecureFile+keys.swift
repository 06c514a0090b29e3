import Foundation
import Sodium

#if canImport(Glibc)
import Glibc
#endif

extension SecureFile {
    /// Makes a key file at `path` — `byteCount` random bytes, base64, 0600, in a 0700 folder —
    /// unless one is there already. Two processes that start at once end up with the same key:
    /// the file is linked into place only if absent, never replaced.
    public static func createKeyIfAbsent(at path: String, byteCount: Int = 32) throws(StoreError) {
        if FileManager.default.fileExists(atPath: path) { return }
        let folder = (path as NSString).deletingLastPathComponent
        var raw = SecretBytes.random(count: byteCount).copyBytes()
        var text = Array(Data(raw).base64EncodedString().utf8)
        defer {
            Sodium.wipe(&raw)
            Sodium.wipe(&text)
        }
        let temporary = "\(path).new-\(getpid())"
        if !folder.isEmpty { try makeDirectory(folder) }
        try write(text, to: temporary)
        defer { unlink(temporary) }
        if link(temporary, path) != 0, errno != EEXIST {
            throw StoreError(.writeFailed, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }
}
