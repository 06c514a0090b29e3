import Sodium

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DocumentVault {
    /// Stores the bytes of `chunks` (pieces of any size), encrypting them as they come.
    ///
    /// Memory stays bounded by ``chunkLength`` plus the largest piece given. The file is checked
    /// after the last piece: over `limit` bytes, empty, or of no accepted kind, it is removed and
    /// nothing is left in the folder.
    /// - Returns: the new document's id, size and kind.
    /// - Throws: ``DocumentError``: `tooLarge`, `empty`, `unsupportedKind`, `interrupted` (the
    ///   sequence threw), `ioFailed`.
    public func store<Chunks: AsyncSequence>(_ chunks: Chunks, limit: Int) async throws(DocumentError) -> StoredDocument
    where Chunks.Element == [UInt8] {
        let id = DocumentID.random()
        let temporary = "\(folder)/.\(id.rawValue).part"
        let writer: DocumentFileWriter
        do throws(DocumentError) {
            writer = try DocumentFileWriter(path: temporary, key: key, additionalData: Self.additionalData(id))
        } catch {
            unlink(temporary)
            throw error
        }
        var detector = DocumentKindDetector()
        do throws(DocumentError) {
            var iterator = chunks.makeAsyncIterator()
            while true {
                let piece: [UInt8]?
                do {
                    piece = try await iterator.next()
                } catch {
                    throw DocumentError(.interrupted, "the upload stopped before its end; send the file again")
                }
                guard let piece else { break }
                guard detector.size + piece.count <= limit else {
                    throw DocumentError(.tooLarge, "the file is larger than the limit of \(limit) bytes")
                }
                detector.feed(piece)
                try writer.append(piece)
            }
            let kind = try detector.kind()
            try writer.finish()
            guard rename(temporary, path(of: id)) == 0 else {
                throw DocumentError(.ioFailed, "cannot move the document into place: \(String(cString: strerror(errno)))")
            }
            Self.syncFolder(folder)
            return StoredDocument(id: id, size: detector.size, kind: kind)
        } catch {
            writer.abandon()
            unlink(temporary)
            throw error
        }
    }
}
