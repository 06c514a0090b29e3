import Sodium
import Testing

@Suite struct PasswordHashTests {
    /// Cheap enough for tests that only need a valid hash.
    static let cheap = PasswordHash.Strength(opsLimit: 1, memLimit: 8192)

    @Test func aPasswordVerifiesAgainstItsOwnHash() throws {
        let hash = try PasswordHash.hash("correct horse battery staple")
        #expect(hash.hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$"))
        #expect(PasswordHash.verify("correct horse battery staple", against: hash))
    }

    @Test func aWrongPasswordIsRefused() throws {
        let hash = try PasswordHash.hash("Tr0ub4dor&3", strength: Self.cheap)
        #expect(!PasswordHash.verify("Tr0ub4dor&4", against: hash))
        #expect(!PasswordHash.verify("", against: hash))
        #expect(!PasswordHash.verify("Tr0ub4dor&3 ", against: hash))
    }

    @Test func twoHashesOfOnePasswordDifferByTheirSalt() throws {
        let first = try PasswordHash.hash("same", strength: Self.cheap)
        let second = try PasswordHash.hash("same", strength: Self.cheap)
        #expect(first != second)
        #expect(PasswordHash.verify("same", against: first) && PasswordHash.verify("same", against: second))
    }

    @Test func unicodePasswordsVerifyWhateverTheirNormalisation() throws {
        let composed = "Grüezi-Genève-Straße-🔐"
        let decomposed = "Gru\u{308}ezi-Gene\u{300}ve-Straße-🔐"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        let hash = try PasswordHash.hash(composed, strength: Self.cheap)
        #expect(PasswordHash.verify(composed, against: hash))
        #expect(PasswordHash.verify(decomposed, against: hash))
        #expect(!PasswordHash.verify("Gruezi-Geneve-Strasse-🔐", against: hash))
    }

    @Test func malformedOrForeignHashesNeverVerify() throws {
        #expect(!PasswordHash.verify("x", against: ""))
        #expect(!PasswordHash.verify("x", against: "$argon2id$garbage"))
        #expect(!PasswordHash.verify("x", against: "$2b$12$abcdefghijklmnopqrstuv"))
        let hash = try PasswordHash.hash("x", strength: Self.cheap)
        #expect(!PasswordHash.verify("x", against: hash.replacingPrefix("$argon2id$", with: "$argon2i$")))
    }

    @Test func needsRehashComparesTheCost() throws {
        let cheap = try PasswordHash.hash("pw", strength: Self.cheap)
        #expect(PasswordHash.needsRehash(cheap, strength: .interactive))
        #expect(!PasswordHash.needsRehash(cheap, strength: Self.cheap))
        let interactive = try PasswordHash.hash("pw")
        #expect(!PasswordHash.needsRehash(interactive))
        #expect(PasswordHash.needsRehash(interactive, strength: .moderate))
        #expect(PasswordHash.needsRehash("$2b$12$abcdefghijklmnopqrstuv"))
        #expect(PasswordHash.needsRehash(""))
    }

    @Test func anImpossibleCostIsRefused() {
        #expect(throws: SodiumError(.failed, "")) { try PasswordHash.hash("pw", strength: .init(opsLimit: 0, memLimit: 8192)) }
    }

    @Test func theStrengthsAreLibsodiumsArgon2idDefaults() {
        #expect(PasswordHash.Strength.interactive == .init(opsLimit: 2, memLimit: 64 << 20))
        #expect(PasswordHash.Strength.moderate == .init(opsLimit: 3, memLimit: 256 << 20))
    }
}

@Suite struct PasswordHashRandomTests {
    @Test func randomDigitsHaveTheAskedLengthAndOnlyDigits() {
        #expect(Sodium.randomDigits(0).isEmpty)
        for count in [1, 6, 8, 40] {
            let code = Sodium.randomDigits(count)
            #expect(code.count == count)
            #expect(code.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        }
    }

    @Test func randomDigitsAreRoughlyUniform() {
        var counts = [Int](repeating: 0, count: 10)
        for digit in Sodium.randomDigits(20_000).utf8 { counts[Int(digit - UInt8(ascii: "0"))] += 1 }
        // Each digit expects 2,000 draws (standard deviation about 42): 1,800–2,200 is over 4.7 sigma.
        #expect(counts.allSatisfy { (1800...2200).contains($0) }, "counts: \(counts)")
    }

    @Test func randomTokensAreURLSafeAndUnpadded() {
        let token = Sodium.randomToken(bytes: 32)
        #expect(token.count == 43)
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(token.allSatisfy { alphabet.contains($0) })
        #expect(Sodium.randomToken(bytes: 32) != token)
        #expect(Sodium.randomToken(bytes: 0).isEmpty)
        #expect(Sodium.randomToken(bytes: 1).count == 2)
    }

    @Test func base64URLMatchesTheRFC4648Vectors() {
        #expect(Sodium.base64URL(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Sodium.base64URL(Array("fo".utf8)) == "Zm8")
        #expect(Sodium.base64URL([0xfb, 0xff]) == "-_8")
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
