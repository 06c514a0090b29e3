import CIICore
import Foundation
import Testing

@testable import CIIRegistry

struct RegistryKeyTests {
    @Test func sealsFieldsBoundToTheirPlace() throws {
        let key = RegistryKey.generate()
        let sealed = key.seal(text: "Situation familiale difficile", binding: "case:1/situation")
        #expect(try key.openText(sealed, binding: "case:1/situation") == "Situation familiale difficile")
        #expect(throws: RegistryKeyError.self) { try key.open(sealed, binding: "case:2/situation") }
        #expect(throws: RegistryKeyError.self) { try RegistryKey.generate().open(sealed, binding: "case:1/situation") }
    }

    @Test func indexesPeopleExactlyUnderItsKey() throws {
        let key = RegistryKey.generate()
        let avs = try AVSNumber("756.9217.0769.85")
        #expect(key.personIndex(of: avs) == key.personIndex(of: try AVSNumber("7569217076985")))
        #expect(key.personIndex(of: avs) != RegistryKey.generate().personIndex(of: avs))
        #expect(key.personIndex(of: avs).count == 32)
    }

    @Test func isCreatedOnceAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regkey-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/keys/registry.key"
        let made = try RegistryKey.loadOrCreate(at: path)
        let again = try RegistryKey.loadOrCreate(at: path)
        let avs = try AVSNumber("756.9217.0769.85")
        #expect(made.personIndex(of: avs) == again.personIndex(of: avs))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect("\(made)" == "RegistryKey(secret)")
        try Data("not a key".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: RegistryKeyError.self) { try RegistryKey.load(at: path) }
    }
}
