import Foundation
import Sodium
import Testing

@Suite struct SodiumTests {
    @Test func unkeyedBlake2bMatchesTheReferenceVector() {
        let digest = GenericHash.hash([])
        #expect(digest.map { String(format: "%02x", $0) }.joined() == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8")
    }

    @Test func signaturesVerifyAndTamperingIsDetected() {
        let pair = SigningKeyPair.generate()
        let message = Array("batch 42".utf8)
        let signature = pair.sign(message)
        #expect(SigningKeyPair.verify(signature: signature, message: message, publicKey: pair.publicKey))
        #expect(!SigningKeyPair.verify(signature: signature, message: Array("batch 43".utf8), publicKey: pair.publicKey))
        #expect(!SigningKeyPair.verify(signature: signature, message: message, publicKey: SigningKeyPair.generate().publicKey))
    }

    @Test func aSigningKeyPairRestoresFromItsSecretKey() throws {
        let pair = SigningKeyPair.generate()
        let restored = try SigningKeyPair(secretKey: SecretBytes(pair.secretKey.copyBytes()))
        #expect(restored.publicKey == pair.publicKey)
        #expect(throws: SodiumError(.badKeyLength, "")) { try SigningKeyPair(secretKey: SecretBytes([1, 2, 3])) }
    }

    @Test func sealedMessagesOpenOnlyWithTheRecipientKey() throws {
        let recipient = BoxKeyPair.generate()
        let sealed = try BoxKeyPair.seal(Array("epoch key".utf8), to: recipient.publicKey)
        #expect(sealed.count == 9 + BoxKeyPair.sealOverhead)
        #expect(try recipient.open(sealed) == Array("epoch key".utf8))
        #expect(throws: SodiumError(.cannotOpen, "")) { try BoxKeyPair.generate().open(sealed) }
        var altered = sealed
        altered[altered.count - 1] ^= 1
        #expect(throws: SodiumError(.cannotOpen, "")) { try recipient.open(altered) }
        let restored = try BoxKeyPair(secretKey: SecretBytes(recipient.secretKey.copyBytes()))
        #expect(restored.publicKey == recipient.publicKey)
    }

    @Test func secretBytesNeverPrintTheirContent() {
        let secret = SecretBytes([0xAB, 0xCD, 0xEF])
        #expect(secret.description == "SecretBytes(3 bytes)")
        #expect(!"\(secret)".lowercased().contains("ab"))
        #expect(Sodium.randomBytes(32) != Sodium.randomBytes(32))
        #expect(Sodium.constantTimeEqual([1, 2], [1, 2]))
        #expect(!Sodium.constantTimeEqual([1, 2], [1, 3]))
    }
}
