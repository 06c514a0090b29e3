import Testing

@testable import Sodium

struct SecretStreamTests {
    @Test func pullsWhatWasPushedInOrderUpToTheFinalTag() throws {
        let key = SecretBytes.random(count: SecretStream.keyLength)
        let push = try SecretStreamPush(key: key)
        let one = try push.push(Array("première partie".utf8), additionalData: [7])
        let two = try push.push(Array("fin".utf8), tag: .final, additionalData: [7])
        #expect(one.count == "première partie".utf8.count + SecretStream.overhead)
        #expect(push.isFinished)
        #expect(throws: SodiumError(.failed, "")) { try push.push([1]) }

        let pull = try SecretStreamPull(key: key, header: push.header)
        let first = try pull.pull(one, additionalData: [7])
        #expect(first.message == Array("première partie".utf8) && first.tag == .message)
        #expect(!pull.isFinished)
        let last = try pull.pull(two, additionalData: [7])
        #expect(last.message == Array("fin".utf8) && last.tag == .final)
        #expect(pull.isFinished)
    }

    @Test func refusesReorderedAlteredOrForeignMessages() throws {
        let key = SecretBytes.random(count: SecretStream.keyLength)
        let push = try SecretStreamPush(key: key)
        let one = try push.push([1, 2, 3])
        let two = try push.push([4, 5, 6], tag: .final)
        #expect(throws: SodiumError(.cannotOpen, "")) { try SecretStreamPull(key: key, header: push.header).pull(two) }
        var altered = one
        altered[altered.count - 1] ^= 1
        #expect(throws: SodiumError(.cannotOpen, "")) { try SecretStreamPull(key: key, header: push.header).pull(altered) }
        #expect(throws: SodiumError(.cannotOpen, "")) { try SecretStreamPull(key: key, header: push.header).pull(one, additionalData: [9]) }
        let other = SecretBytes.random(count: SecretStream.keyLength)
        #expect(throws: SodiumError(.cannotOpen, "")) { try SecretStreamPull(key: other, header: push.header).pull(one) }
        #expect(throws: SodiumError(.cannotOpen, "")) { try SecretStreamPull(key: key, header: push.header).pull([1, 2]) }
        #expect(throws: SodiumError(.cannotOpen, "")) { try SecretStreamPull(key: key, header: [1, 2, 3]) }
        #expect(throws: SodiumError(.badKeyLength, "")) { try SecretStreamPush(key: .random(count: 16)) }
    }
}
