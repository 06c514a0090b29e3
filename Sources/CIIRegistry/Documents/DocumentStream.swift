public import Sodium

/// The plaintext chunks of a stored document (see ``DocumentVault/read(_:)``). The file is
/// opened when iteration starts and closed when it ends or the iterator is dropped.
public struct DocumentStream: AsyncSequence, Sendable {
    /// A plaintext chunk.
    public typealias Element = [UInt8]
    /// Reading fails with a ``DocumentError``.
    public typealias Failure = DocumentError

    let path: String
    let key: SecretBytes
    let additionalData: [UInt8]
    let id: DocumentID

    /// Starts reading.
    public func makeAsyncIterator() -> Iterator {
        Iterator(reader: DocumentFileReader(path: path, key: key, additionalData: additionalData, id: id))
    }

    /// Reads and decrypts one chunk per step.
    public struct Iterator: AsyncIteratorProtocol {
        let reader: DocumentFileReader

        /// The next plaintext chunk, or nil after the final one.
        public mutating func next() async throws(DocumentError) -> [UInt8]? {
            try reader.next()
        }

        /// The next plaintext chunk, or nil after the final one.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(DocumentError) -> [UInt8]? {
            try reader.next()
        }
    }
}
