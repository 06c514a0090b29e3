public import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `DATA/audit/writer-state.json`: the running node's ``AuditWriterStatus``, for `ciid status`.
///
/// The file has a fixed size and is overwritten in place, so that it can still say "cannot write"
/// when the disk is full: only its creation, when the node starts, needs free space.
public struct AuditStateFile: Sendable {
    /// The file's name in the audit folder.
    public static let name = "writer-state.json"
    /// The file's size: JSON padded with spaces, then a newline.
    static let size = 2048

    /// The file.
    public let path: String

    /// The state file of the log in `directory`.
    public init(directory: URL) {
        path = directory.appending(path: Self.name).path(percentEncoded: false)
    }

    /// The status last written, or nil when there is none.
    public func read() -> AuditWriterStatus? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try? decoder.decode(AuditWriterStatus.self, from: data)
    }

    /// Writes `status` over the file (created 0600, in a 0700 folder, the first time); a failure is logged.
    func write(_ status: AuditWriterStatus, logger: Logger) {
        var status = status
        if let reason = status.failure?.reason, reason.utf8.count > 1000 { status.failure?.reason = String(reason.prefix(500)) + "…" }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        guard var bytes = try? Array(encoder.encode(status)), bytes.count < Self.size else { return }
        bytes += [UInt8](repeating: 0x20, count: Self.size - 1 - bytes.count) + [0x0A]
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            logger.warning("cannot write \(path) for `ciid status`: \(AuditFiles.lastError)")
            return
        }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, $0.count, 0) }
        if written != bytes.count { logger.warning("cannot write \(path) for `ciid status`: \(AuditFiles.lastError)") }
    }
}
