#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DocumentVault {
    /// The plaintext of a document, as chunks of at most ``chunkLength`` bytes decrypted one at a
    /// time while the sequence is read.
    ///
    /// Reading fails with `damaged` at the first altered chunk, or at the end of a file cut short
    /// (no final chunk) or with bytes after its final chunk: a caller that streams the chunks to a
    /// client must then abort the response rather than end it normally.
    /// - Throws: ``DocumentError`` with `notFound` when there is no such document.
    public func read(_ id: DocumentID) throws(DocumentError) -> DocumentStream {
        guard contains(id) else { throw DocumentError(.notFound, "no document \(id)") }
        return DocumentStream(path: path(of: id), key: key, additionalData: Self.additionalData(id), id: id)
    }
}
