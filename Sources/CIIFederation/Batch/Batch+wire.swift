import CIICore

extension Batch {
    /// The wire form, little-endian:
    ///
    /// ```
    /// "CIIB" 0x02 | flags u8 (bit 0: reset, bit 1: reaches the end of the origin's log)
    /// origin (u8 length + UTF-8) | dispositif (u8 length + ASCII) | recipient (u8 length + UTF-8)
    /// after u64 | through u64 | reset generation u64 | count u32 | count × change
    /// change: kind u8 | epoch u16 | fingerprint 32 bytes | (upsert only) last follow-up u16, days since 1970-01-01
    /// ```
    /// An upsert is 37 bytes, a retraction 35. Version 1 (before the federation hardening) had no
    /// reset generation and no end flag; it is refused with a message that says to upgrade.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + changes.count * 37)
        out += Array("CIIB".utf8) + [Self.wireVersion, (reset ? 1 : 0) | (reachesEnd ? 2 : 0)]
        for text in [origin.rawValue, dispositif.rawValue, recipient.rawValue] {
            out.append(UInt8(text.utf8.count))
            out += Array(text.utf8)
        }
        Self.append(UInt64(bitPattern: after), 8, to: &out)
        Self.append(UInt64(bitPattern: through), 8, to: &out)
        Self.append(generation, 8, to: &out)
        Self.append(UInt64(changes.count), 4, to: &out)
        for change in changes {
            out.append(change.kind.rawValue)
            Self.append(UInt64(change.epoch.number), 2, to: &out)
            change.fingerprint.withUnsafeBytes { out.append(contentsOf: $0) }
            if change.kind == .upsert { Self.append(UInt64(UInt16(clamping: change.lastOn?.daysSince1970 ?? 0)), 2, to: &out) }
        }
        return out
    }

    /// Reads the wire form.
    /// - Throws: ``FederationError`` with code `malformed` saying what is wrong.
    public init(decoding bytes: [UInt8]) throws(FederationError) {
        var reader = ByteReader(bytes)
        guard try reader.bytes(4) == Array("CIIB".utf8)[...] else { throw FederationError(.malformed, "not a ciid batch") }
        let version = try reader.integer(1)
        guard version == UInt64(Self.wireVersion) else {
            throw FederationError(
                .unsupportedVersion,
                "the batch is of wire version \(version); this node speaks version \(Self.wireVersion): upgrade the older of the two nodes (admin guide, \"Upgrading a federation\")"
            )
        }
        let flags = try reader.integer(1)
        guard flags <= 3 else { throw FederationError(.malformed, "the batch has unknown flags") }
        let originText = try reader.text()
        let dispositifText = try reader.text()
        let recipientText = try reader.text()
        guard let origin = try? NodeID(originText), let recipient = try? NodeID(recipientText), let dispositif = Dispositif(rawValue: dispositifText)
        else { throw FederationError(.malformed, "the batch names an invalid node or dispositif") }
        let after = Int64(bitPattern: try reader.integer(8))
        let through = Int64(bitPattern: try reader.integer(8))
        let generation = try reader.integer(8)
        let count = Int(try reader.integer(4))
        guard count <= Batch.maximumChanges, after >= 0, through >= after else {
            throw FederationError(.malformed, "the batch's sequences or size are out of bounds (\(count) changes, \(after)…\(through))")
        }
        var changes: [Change] = []
        changes.reserveCapacity(count)
        for _ in 0..<count {
            guard let kind = Change.Kind(rawValue: try reader.integer(1).toUInt8), let epoch = Epoch(UInt32(try reader.integer(2))),
                let fingerprint = Fingerprint(bytes: try reader.bytes(32))
            else { throw FederationError(.malformed, "a change has an unknown kind or epoch 0") }
            let lastOn = kind == .upsert ? Day(daysSince1970: Int32(try reader.integer(2))) : nil
            changes.append(Change(kind: kind, epoch: epoch, fingerprint: fingerprint, lastOn: lastOn))
        }
        guard reader.isAtEnd else { throw FederationError(.malformed, "the batch has bytes after its last change") }
        let reset = flags & 1 == 1
        guard !reset || after == 0 else { throw FederationError(.malformed, "a reset batch starts at sequence 0") }
        guard reset == (generation > 0) else {
            throw FederationError(.malformed, "a reset batch, and only a reset, carries a reset generation above 0")
        }
        self.init(
            origin: origin,
            dispositif: dispositif,
            recipient: recipient,
            after: after,
            through: through,
            changes: changes,
            reset: reset,
            generation: generation,
            reachesEnd: flags & 2 == 2
        )
    }

    /// The wire version this node speaks: 2 since the federation hardening (reset generations).
    public static let wireVersion: UInt8 = 2

    private static func append(_ value: UInt64, _ width: Int, to out: inout [UInt8]) {
        for index in 0..<width { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
    }
}

extension UInt64 {
    fileprivate var toUInt8: UInt8 { UInt8(truncatingIfNeeded: self) }
}

/// Reads a byte array front to back, refusing to read past its end.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func bytes(_ count: Int) throws(FederationError) -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw FederationError(.malformed, "the batch is truncated") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func integer(_ width: Int) throws(FederationError) -> UInt64 {
        var value: UInt64 = 0
        for (index, byte) in try bytes(width).enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
        return value
    }

    mutating func text() throws(FederationError) -> String {
        let length = Int(try integer(1))
        return String(decoding: try bytes(length), as: UTF8.self)
    }
}
