import Testing

@testable import Sodium

struct SecretBoxTests {
    @Test func sealsAndOpensWithTheSameKeyAndAdditionalData() throws {
        let key = SecretBytes.random(count: SecretBox.keyLength)
        let sealed = try SecretBox.seal(Array("Situation: suivi AI".utf8), key: key, additionalData: Array("case:7/situation".utf8))
        #expect(sealed.count == 19 + SecretBox.overhead)
        #expect(try SecretBox.open(sealed, key: key, additionalData: Array("case:7/situation".utf8)) == Array("Situation: suivi AI".utf8))
    }

    @Test func twoSealsOfOneMessageDiffer() throws {
        let key = SecretBytes.random(count: SecretBox.keyLength)
        #expect(try SecretBox.seal([1, 2, 3], key: key) != SecretBox.seal([1, 2, 3], key: key))
    }

    @Test func refusesOtherAdditionalDataAnotherKeyOrAlteredBytes() throws {
        let key = SecretBytes.random(count: SecretBox.keyLength)
        var sealed = try SecretBox.seal(Array("texte".utf8), key: key, additionalData: [1])
        #expect(throws: SodiumError(.cannotOpen, "")) { try SecretBox.open(sealed, key: key, additionalData: [2]) }
        #expect(throws: SodiumError(.cannotOpen, "")) {
            try SecretBox.open(sealed, key: .random(count: SecretBox.keyLength), additionalData: [1])
        }
        #expect(throws: SodiumError(.cannotOpen, "")) { try SecretBox.open(Array(sealed.prefix(39)), key: key) }
        sealed[sealed.count - 1] ^= 1
        #expect(throws: SodiumError(.cannotOpen, "")) { try SecretBox.open(sealed, key: key, additionalData: [1]) }
        #expect(throws: SodiumError(.badKeyLength, "")) { try SecretBox.seal([], key: .random(count: 16)) }
    }

    @Test func derivesDistinctStableSubkeys() throws {
        let master = SecretBytes.random(count: KeyDerivation.masterKeyLength)
        let one = try KeyDerivation.subkey(1, context: "ciid-reg", from: master).copyBytes()
        #expect(one == (try KeyDerivation.subkey(1, context: "ciid-reg", from: master).copyBytes()))
        #expect(one != (try KeyDerivation.subkey(2, context: "ciid-reg", from: master).copyBytes()))
        #expect(one != (try KeyDerivation.subkey(1, context: "ciid-doc", from: master).copyBytes()))
        #expect(throws: SodiumError(.failed, "")) { try KeyDerivation.subkey(1, context: "short", from: master) }
    }
}
