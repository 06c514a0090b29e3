public import CIIStore
import Foundation
public import Sodium

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The registry's documents at rest: one file per document in a folder of its own (for example
/// `DATA/registry/documents/`), each encrypted chunk by chunk with ``SecretStream`` under the
/// registry's document key, so that neither an upload nor a download is ever held whole in memory.
///
/// A file is `CIIDOC01`, the stream header, then records of a 4-byte big-endian length and a
/// ciphertext of at most ``chunkLength`` plaintext bytes; the last record carries the final tag.
/// Every record is bound to the document's id, so a file renamed to another id does not open.
/// An upload is spooled to a hidden `.part` file, checked (size, kind), flushed, then renamed
/// into place; a refused or failed upload leaves nothing behind.
public struct DocumentVault: Sendable {
    /// The folder of the documents.
    public let folder: String
    let key: SecretBytes

    /// Plaintext bytes per encrypted chunk (64 KiB): what bounds the memory of a transfer.
    public static let chunkLength = 64 * 1024
    static let magic = Array("CIIDOC01".utf8)

    /// `DATA/registry/documents` of a node.
    public static func folder(of node: NodeDirectory) -> String { "\(node.root)/registry/documents" }

    /// Opens the vault in `folder` (created 0700 if absent) with the registry's `documentKey`,
    /// and removes the `.part` files an interrupted upload may have left.
    /// - Throws: ``DocumentError`` with `ioFailed` when the folder cannot be made.
    public init(folder: String, key: SecretBytes) throws(DocumentError) {
        guard key.count == SecretStream.keyLength else {
            throw DocumentError(.ioFailed, "the document key is not \(SecretStream.keyLength) bytes; use RegistryKey.documentKey")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DocumentError(.ioFailed, "cannot create the document folder \(folder); check that this user may write there")
        }
        self.folder = folder
        self.key = key
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(".") && name.hasSuffix(".part") {
            unlink("\(folder)/\(name)")
        }
    }

    /// Removes a document.
    /// - Throws: ``DocumentError`` with `notFound` when there is none with this id.
    public func delete(_ id: DocumentID) throws(DocumentError) {
        guard unlink(path(of: id)) == 0 else {
            if errno == ENOENT { throw DocumentError(.notFound, "no document \(id)") }
            throw DocumentError(.ioFailed, "cannot delete document \(id): \(String(cString: strerror(errno)))")
        }
        Self.syncFolder(folder)
    }

    /// True when a document with this id is stored.
    public func contains(_ id: DocumentID) -> Bool {
        access(path(of: id), F_OK) == 0
    }

    func path(of id: DocumentID) -> String { "\(folder)/\(id.rawValue).doc" }

    static func additionalData(_ id: DocumentID) -> [UInt8] { Array("ciid-document:\(id.rawValue)".utf8) }

    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
