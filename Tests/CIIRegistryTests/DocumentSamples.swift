import Foundation

/// Small valid files of every accepted kind, built at run time, and helpers to stream them.
enum DocumentSamples {
    /// A word no encrypted file may show in clear.
    static let marker = "Situation-familiale-confidentielle-4711"

    static func text() -> [UInt8] { Array("Bonjour, Grüezi — \(marker)\nsuivi CII, ligne deux\n".utf8) }

    static func pdf() -> [UInt8] {
        let body =
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% \(marker)\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        return Array(body.utf8)
    }

    /// A 1×1 grey PNG (IHDR, a stored-deflate IDAT, IEND) with correct CRCs.
    static func png() -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + data
            return be32(UInt32(data.count)) + typed + be32(crc32(typed))
        }
        let raw: [UInt8] = [0, 0x80]  // filter byte, one grey pixel
        let adler = adler32(raw)
        let zlib: [UInt8] = [0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF] + raw + be32(adler)
        let ihdr = be32(1) + be32(1) + [8, 0, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IDAT", zlib) + chunk("IEND", [])
    }

    /// The start of a JFIF file (SOI, APP0) and its end marker.
    static func jpeg() -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9]
    }

    static func docx() throws -> [UInt8] {
        try zip([
            ("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"),
            ("word/document.xml", "<w:document><w:body><w:p>\(marker)</w:p></w:body></w:document>"),
        ])
    }

    static func xlsx() throws -> [UInt8] {
        try zip([("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("xl/workbook.xml", "<workbook/>")])
    }

    /// An ODT: `mimetype` first and stored, then the content.
    static func odt(mimetype: String = "application/vnd.oasis.opendocument.text") throws -> [UInt8] {
        try zip([("mimetype", mimetype), ("content.xml", "<office:document-content/>"), ("META-INF/manifest.xml", "<manifest/>")], storeFirst: true)
    }

    /// A ZIP archive that is no office document.
    static func plainZip() throws -> [UInt8] { try zip([("notes.txt", "rien")]) }

    /// The start of an ELF executable.
    static func elf() -> [UInt8] { [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 56) }

    /// The start of a Windows executable.
    static func exe() -> [UInt8] { Array("MZ".utf8) + [0x90, 0x00, 0x03, 0x00, 0x00, 0x00] + [UInt8](repeating: 0, count: 56) }

    /// Builds an archive with the `zip` command (Debian package `zip`), `-X` so no extra fields.
    static func zip(_ entries: [(String, String)], storeFirst: Bool = false) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, content) in entries {
            let path = "\(folder)/\(name)"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        }
        var names = entries.map(\.0)
        if storeFirst {
            try run(["-X", "-0", "-q", "out.zip", names.removeFirst()], in: folder)
        }
        try run(["-X", "-q", "out.zip"] + names, in: folder)
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(folder)/out.zip")))
    }

    private static func run(_ arguments: [String], in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func be32(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}

/// An upload as an async sequence: `count` pieces made on demand, optionally failing at one.
struct Pieces: AsyncSequence, AsyncIteratorProtocol {
    struct Broken: Error {}
    let count: Int
    let make: (Int) -> [UInt8]
    var failAt: Int? = nil
    var index = 0

    /// `bytes` cut in pieces of `size`.
    static func of(_ bytes: [UInt8], size: Int = 1000) -> Pieces {
        Pieces(count: (bytes.count + size - 1) / size) { Array(bytes[($0 * size)..<Swift.min(bytes.count, ($0 + 1) * size)]) }
    }

    func makeAsyncIterator() -> Pieces { self }

    mutating func next() async throws -> [UInt8]? {
        guard index < count else { return nil }
        if index == failAt { throw Broken() }
        defer { index += 1 }
        return make(index)
    }
}
