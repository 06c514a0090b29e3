import Hummingbird

/// Reads a `multipart/form-data` body part by part as it arrives, never holding a file whole:
/// a part's content comes in pieces (``nextChunk()``) of at most what the body delivered, so
/// memory stays bounded by the body's chunk size plus the boundary.
final class MultipartReader {
    /// The head of one part.
    struct Part {
        /// The form field's name.
        var name: String
        /// The file's name, for a file input (may be empty when no file was chosen).
        var filename: String?
    }

    /// Why a body could not be read as a form.
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// The longest head of a part.
    static let headLimit = 16 * 1024

    private var iterator: RequestBody.AsyncIterator
    private var buffer: [UInt8]
    private let delimiter: [UInt8]
    /// Whether the content of a part (or the preamble) is still being read.
    private var inPart = true
    /// Whether the closing boundary was read.
    private(set) var finished = false

    /// A reader of `request`'s body; nil when it is not `multipart/form-data` with a boundary.
    init?(_ request: Request) {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        var boundary: Substring?
        for parameter in type.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces.lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingSpaces
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            boundary = value
        }
        guard let boundary, !boundary.isEmpty, boundary.count <= 200 else { return nil }
        delimiter = Array("\r\n--\(boundary)".utf8)
        // The first boundary has no line break before it: one is put in front so that it matches.
        buffer = Array("\r\n".utf8)
        iterator = request.body.makeAsyncIterator()
    }

    /// The head of the next part, nil after the last one (the rest of the current part skipped).
    func nextPart() async throws -> Part? {
        while inPart { _ = try await nextChunk() }
        guard !finished else { return nil }
        while buffer.count < 2 { guard try await fill() else { throw Malformed(description: "the body ends after a boundary") } }
        if buffer[0] == UInt8(ascii: "-"), buffer[1] == UInt8(ascii: "-") {
            finished = true
            return nil
        }
        let separator = Array("\r\n\r\n".utf8)
        var end = Self.find(separator, in: buffer)
        while end == nil {
            guard buffer.count <= Self.headLimit else { throw Malformed(description: "a part's head is longer than 16 KiB") }
            guard try await fill() else { throw Malformed(description: "the body ends in a part's head") }
            end = Self.find(separator, in: buffer)
        }
        guard let end else { throw Malformed(description: "no part head") }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + separator.count)
        inPart = true
        var part = Part(name: "")
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            for parameter in line.split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                var value = pair[1].trimmingSpaces
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
                switch pair[0].trimmingSpaces.lowercased() {
                case "name": part.name = String(value)
                case "filename": part.filename = String(value)
                default: break
                }
            }
        }
        return part
    }

    /// The next piece of the current part's content; nil at its end.
    func nextChunk() async throws -> [UInt8]? {
        guard inPart else { return nil }
        while true {
            if let index = Self.find(delimiter, in: buffer) {
                if index == 0 {
                    buffer.removeFirst(delimiter.count)
                    inPart = false
                    return nil
                }
                let piece = Array(buffer[0..<index])
                buffer.removeFirst(index)
                return piece
            }
            // Everything but a tail that could start the delimiter belongs to the part.
            let safe = buffer.count - (delimiter.count - 1)
            if safe > 0 {
                let piece = Array(buffer[0..<safe])
                buffer.removeFirst(safe)
                return piece
            }
            guard try await fill() else { throw Malformed(description: "the body ends inside a part") }
        }
    }

    /// The whole content of the current part, at most `limit` bytes.
    func content(limit: Int) async throws -> [UInt8] {
        var bytes = [UInt8]()
        while let piece = try await nextChunk() {
            bytes += piece
            guard bytes.count <= limit else { throw Malformed(description: "a form field is longer than \(limit) bytes") }
        }
        return bytes
    }

    /// Appends the body's next piece to the buffer; false at the body's end.
    private func fill() async throws -> Bool {
        guard let next = try await iterator.next() else { return false }
        buffer.append(contentsOf: next.readableBytesView)
        return true
    }

    /// Where `needle` first occurs in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}

/// The content of the current part of a ``MultipartReader``, as the pieces the document vault stores.
struct MultipartFileChunks: AsyncSequence {
    typealias Element = [UInt8]
    let reader: MultipartReader

    struct AsyncIterator: AsyncIteratorProtocol {
        let reader: MultipartReader
        mutating func next() async throws -> [UInt8]? { try await reader.nextChunk() }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(reader: reader) }
}

extension Substring {
    /// Without the spaces around it.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
