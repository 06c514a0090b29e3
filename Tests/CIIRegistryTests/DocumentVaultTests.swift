import CIIStore
import Foundation
import Sodium
import Testing

@testable import CIIRegistry

struct DocumentVaultTests {
    /// A vault in a fresh temporary folder, removed after `body`.
    func withVault(_ body: (DocumentVault) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vault-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await body(try DocumentVault(folder: DocumentVault.folder(of: NodeDirectory(root: folder)), key: RegistryKey.generate().documentKey))
    }

    func readAll(_ vault: DocumentVault, _ id: DocumentID) async throws -> [UInt8] {
        var out: [UInt8] = []
        for try await chunk in try vault.read(id) { out += chunk }
        return out
    }

    func files(_ vault: DocumentVault) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: vault.folder).sorted()
    }

    @Test func storesAndReadsBackEveryKind() async throws {
        let samples: [(DocumentKind, [UInt8])] = [
            (.pdf, DocumentSamples.pdf()), (.png, DocumentSamples.png()), (.jpeg, DocumentSamples.jpeg()),
            (.docx, try DocumentSamples.docx()), (.xlsx, try DocumentSamples.xlsx()), (.odt, try DocumentSamples.odt()),
            (.text, DocumentSamples.text()),
        ]
        try await withVault { (vault) async throws in
            for (kind, bytes) in samples {
                let stored = try await vault.store(Pieces.of(bytes, size: 7), limit: 1_000_000)
                #expect(stored.kind == kind)
                #expect(stored.size == bytes.count)
                #expect(try await readAll(vault, stored.id) == bytes)
                let mode = try FileManager.default.attributesOfItem(atPath: vault.path(of: stored.id))[.posixPermissions] as? Int
                #expect(mode == 0o600)
            }
            #expect(try files(vault).count == samples.count)
        }
    }

    @Test func refusesContentOfNoAcceptedKindWhateverItsNameAndLeavesNothing() async throws {
        var invalidText = Array("déjà".utf8)
        invalidText[1] = 0xC3
        invalidText[2] = 0x28  // a lead byte without its continuation
        let refused: [[UInt8]] = [
            DocumentSamples.elf(), DocumentSamples.exe(), try DocumentSamples.plainZip(),
            try DocumentSamples.odt(mimetype: "application/vnd.oasis.opendocument.spreadsheet"),
            Array("texte\u{0}binaire".utf8), invalidText, Array(DocumentSamples.png().prefix(3)),
        ]
        try await withVault { (vault) async throws in
            for bytes in refused {
                await #expect(throws: DocumentError(.unsupportedKind, "")) { try await vault.store(Pieces.of(bytes), limit: 1_000_000) }
            }
            await #expect(throws: DocumentError(.empty, "")) { try await vault.store(Pieces.of([]), limit: 1_000_000) }
            #expect(try files(vault).isEmpty)
        }
    }

    @Test func toldByContentOnly() throws {
        var detector = DocumentKindDetector()
        detector.feed(DocumentSamples.png())  // the name a caller gives (say "scan.pdf") plays no part
        #expect(try detector.kind() == .png)
        var split = DocumentKindDetector()
        let text = Array("Zürich é 😀".utf8)
        for byte in text { split.feed([byte]) }  // characters cut across pieces
        #expect(try split.kind() == .text)
        var overlong = DocumentKindDetector()
        overlong.feed([0x41, 0xC0, 0xAF])
        #expect(throws: DocumentError(.unsupportedKind, "")) { try overlong.kind() }
    }

    @Test func refusesAnOverLimitOrInterruptedUploadAndLeavesNothing() async throws {
        try await withVault { (vault) async throws in
            let big = [UInt8](repeating: 0x61, count: 5000)
            await #expect(throws: DocumentError(.tooLarge, "")) { try await vault.store(Pieces.of(big), limit: 4999) }
            #expect(try await vault.store(Pieces.of(big), limit: 5000).size == 5000)
            var broken = Pieces.of(big)
            broken.failAt = 3
            await #expect(throws: DocumentError(.interrupted, "")) { try await vault.store(broken, limit: 10_000) }
            #expect(try files(vault).count == 1)
        }
    }

    @Test func refusesAlteredTruncatedExtendedOrMovedFiles() async throws {
        try await withVault { (vault) async throws in
            let bytes = (0..<200_000).map { UInt8(0x41 + $0 % 26) }
            let stored = try await vault.store(Pieces.of(bytes, size: 10_000), limit: 1_000_000)
            let path = vault.path(of: stored.id)
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            let record = 4 + DocumentVault.chunkLength + SecretStream.overhead
            var altered = original
            altered[100_000] ^= 0x01
            var extended = original
            extended.append(0)
            let variants: [Data] = [
                altered, original.prefix(original.count - 10), original.prefix(32 + 3 * record), extended, original.prefix(20),
            ]
            for variant in variants {
                try variant.write(to: URL(fileURLWithPath: path))
                await #expect(throws: DocumentError(.damaged, "")) { try await readAll(vault, stored.id) }
            }
            try original.write(to: URL(fileURLWithPath: path))
            #expect(try await readAll(vault, stored.id) == bytes)
            let other = DocumentID.random()
            try FileManager.default.moveItem(atPath: path, toPath: vault.path(of: other))
            await #expect(throws: DocumentError(.damaged, "")) { try await readAll(vault, other) }
            await #expect(throws: DocumentError(.notFound, "")) { try await readAll(vault, stored.id) }
            try vault.delete(other)
            #expect(throws: DocumentError(.notFound, "")) { try vault.delete(other) }
            let wrongKey = try DocumentVault(folder: vault.folder, key: RegistryKey.generate().documentKey)
            let again = try await vault.store(Pieces.of(bytes), limit: 1_000_000)
            await #expect(throws: DocumentError(.damaged, "")) { try await readAll(wrongKey, again.id) }
        }
    }

    @Test func thePlaintextAppearsInNoFileOfTheFolder() async throws {
        try await withVault { (vault) async throws in
            _ = try await vault.store(Pieces.of(DocumentSamples.text()), limit: 1_000_000)
            _ = try await vault.store(Pieces.of(DocumentSamples.pdf()), limit: 1_000_000)
            var broken = Pieces.of(DocumentSamples.text(), size: 10)
            broken.failAt = 4
            _ = try? await vault.store(broken, limit: 1_000_000)
            let marker = Array(DocumentSamples.marker.utf8)
            let root = (vault.folder as NSString).deletingLastPathComponent
            let names = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
            #expect(names.count >= 3)
            for name in names {
                let bytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: "\(root)/\(name)"))) ?? Data())
                #expect(!bytes.isEmpty || name == "documents")
                #expect(!contains(bytes, marker), "\(name) shows a document's text")
            }
        }
    }

    @Test func removesLeftoversOfAnInterruptedUploadWhenOpened() async throws {
        try await withVault { (vault) async throws in
            let leftover = "\(vault.folder)/.\(DocumentID.random()).part"
            try Data([1, 2, 3]).write(to: URL(fileURLWithPath: leftover))
            _ = try DocumentVault(folder: vault.folder, key: RegistryKey.generate().documentKey)
            #expect(try files(vault).isEmpty)
        }
    }

    /// A 20 MiB upload is written to disk as it arrives and read back chunk by chunk: while piece
    /// `k` is produced, the upload's file already holds all but the last few pieces, and no chunk
    /// read back is larger than ``DocumentVault/chunkLength``. (Deterministic, unlike the process's
    /// resident set, which other suites running in this process move; the resident set of a 20 MB
    /// upload and download is a figure of `make bench`.)
    @Test func streamsTwentyMegabytesChunkByChunk() async throws {
        try await withVault { (vault) async throws in
            let piece = [UInt8](repeating: 0x62, count: 64 * 1024)
            let pieces = 320  // 20 MiB
            var behind: [Int] = []
            let stored = try await vault.store(
                Pieces(count: pieces) { index in
                    let part = (try? FileManager.default.contentsOfDirectory(atPath: vault.folder))?.first { $0.hasSuffix(".part") }
                    let written = part.flatMap { try? FileManager.default.attributesOfItem(atPath: "\(vault.folder)/\($0)")[.size] as? Int } ?? 0
                    behind.append(index * piece.count - written)
                    return piece
                },
                limit: 21 * 1024 * 1024
            )
            #expect(stored.size == pieces * piece.count)
            #expect(behind.max()! <= 8 * piece.count, "the upload was held in memory: up to \(behind.max()!) bytes not yet on disk")
            var largest = 0
            var total = 0
            var same = true
            for try await chunk in try vault.read(stored.id) {
                largest = max(largest, chunk.count)
                total += chunk.count
                same = same && chunk.allSatisfy { $0 == 0x62 }
            }
            #expect(largest <= DocumentVault.chunkLength)
            #expect(total == pieces * piece.count && same, "the bytes read back are those sent")
        }
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
