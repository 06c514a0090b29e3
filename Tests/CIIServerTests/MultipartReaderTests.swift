import HTTPTypes
import Hummingbird
import NIOCore
import Testing

@testable import CIIServer

/// The upload form's reader: fields and a file read as the body arrives in pieces of any size,
/// bytes that look like the start of a boundary kept in the file, a malformed body refused.
@Suite struct MultipartReaderTests {
    static let boundary = "----formBoundaryX7"

    /// A body of `fields` then a file holding `file`, cut in pieces of `piece` bytes.
    func request(fields: [(String, String)], file: [UInt8], piece: Int, close: Bool = true) -> Request {
        var body = [UInt8]()
        for (name, value) in fields {
            body += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n".utf8)
        body += file
        if close { body += Array("\r\n--\(Self.boundary)--\r\n".utf8) }
        let pieces = stride(from: 0, to: body.count, by: piece).map { ByteBuffer(bytes: body[$0..<min($0 + piece, body.count)]) }
        var head = HTTPRequest(method: .post, scheme: "https", authority: "localhost", path: "/upload")
        head.headerFields[.contentType] = "multipart/form-data; boundary=\"\(Self.boundary)\""
        let stream = AsyncStream<ByteBuffer> { continuation in
            for piece in pieces { continuation.yield(piece) }
            continuation.finish()
        }
        return Request(head: head, body: RequestBody(asyncSequence: stream))
    }

    @Test(arguments: [1, 2, 3, 7, 19, 64, 4096])
    func fieldsAndFileComeBackWhateverThePieces(piece: Int) async throws {
        let file = Array("line one\r\n--not the boundary\r\n----formBoundaryX\r\nend".utf8) + [UInt8](repeating: 0x2D, count: 300)
        let request = request(fields: [("csrf", "token-1"), ("document.designation", "Procuration Müller")], file: file, piece: piece)
        let reader = try #require(MultipartReader(request))
        var fields = [String: String]()
        var received = [UInt8]()
        while let part = try await reader.nextPart() {
            if part.name == "file" {
                #expect(part.filename == "a.txt")
                for try await chunk in MultipartFileChunks(reader: reader) {
                    #expect(chunk.count <= max(piece, 1) + Self.boundary.count + 4)
                    received += chunk
                }
            } else {
                fields[part.name] = String(decoding: try await reader.content(limit: 1024), as: UTF8.self)
            }
        }
        #expect(fields == ["csrf": "token-1", "document.designation": "Procuration Müller"])
        #expect(received == file)
        #expect(reader.finished)
    }

    @Test func aBodyCutShortOrAFieldTooLongIsRefused() async throws {
        let cut = try #require(MultipartReader(request(fields: [], file: Array("abc".utf8), piece: 5, close: false)))
        _ = try await cut.nextPart()
        await #expect(throws: MultipartReader.Malformed.self) { while try await cut.nextChunk() != nil {} }
        let long = try #require(MultipartReader(request(fields: [("csrf", String(repeating: "x", count: 2000))], file: [], piece: 100)))
        _ = try await long.nextPart()
        await #expect(throws: MultipartReader.Malformed.self) { _ = try await long.content(limit: 1024) }
        var head = HTTPRequest(method: .post, scheme: "https", authority: "localhost", path: "/upload")
        head.headerFields[.contentType] = "application/x-www-form-urlencoded"
        #expect(MultipartReader(Request(head: head, body: RequestBody(buffer: ByteBuffer()))) == nil)
    }
}
