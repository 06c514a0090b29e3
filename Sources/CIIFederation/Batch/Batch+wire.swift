import CIICore

extension Batch {
    /// The wire form, little-endian:
    ///
    /// ```
    /// "CIIB" 0x03 | flags u8 (bit 0: reset, bit 1: reaches the end of the origin's log)
    /// origin (u8 length + UTF-8) | dispositif (u8 length + ASCII) | recipient (u8 length + UTF-8)
    /// after u64 | through u64 | reset generation u64 | count u32 | groups until count changes are read
    /// group: epoch u16 | width u8 (16 or 32) | n u32 (1 or more) | n × change
    /// change: kind u8 | fingerprint (width bytes) | (upsert only) last follow-up u16, days since 1970-01-01
    /// ```
    /// A group is a run of consecutive changes of one epoch and fingerprint width, so the order of
    /// changes is kept; a batch of one epoch is one group. An upsert of a 16-byte epoch is 19
    /// bytes, a retraction 17 (32-byte epochs: 35 and 33). Versions 1 and 2 (before issue 15: epoch
    /// and 32 bytes in every change) are refused with a message that says to upgrade.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + changes.count * 19)
        out += Array("CIIB".utf8) + [Self.wireVersion, (reset ? 1 : 0) | (reachesEnd ? 2 : 0)]
        for text in [origin.rawValue, dispositif.rawValue, recipient.rawValue] {
            out.append(UInt8(text.utf8.count))
            out += Array(text.utf8)
        }
        Self.append(UInt64(bitPattern: after), 8, to: &out)
        Self.append(UInt64(bitPattern: through), 8, to: &out)
        Self.append(generation, 8, to: &out)
        Self.append(UInt64(changes.count), 4, to: &out)
        var index = changes.startIndex
        while index < changes.endIndex {
            let epoch = changes[index].epoch
            let width = changes[index].fingerprint.width
            var end = index + 1
            while end < changes.endIndex, changes[end].epoch == epoch, changes[end].fingerprint.width == width { end += 1 }
            Self.append(UInt64(epoch.number), 2, to: &out)
            out.append(UInt8(width))
            Self.append(UInt64(end - index), 4, to: &out)
            for change in changes[index..<end] {
                out.append(change.kind.rawValue)
                change.fingerprint.withUnsafeBytes { out.append(contentsOf: $0.prefix(width)) }
                if change.kind == .upsert { Self.append(UInt64(UInt16(clamping: change.lastOn?.daysSince1970 ?? 0)), 2, to: &out) }
            }
            index = end
        }
        return out
    }

    /// Reads the wire form.
    /// - Throws: ``FederationError`` with code `malformed` saying what is wrong, or
    ///   `unsupportedVersion` for a batch of another wire version.
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
        while changes.count < count {
            guard let epoch = Epoch(UInt32(try reader.integer(2))) else { throw FederationError(.malformed, "a group of changes has epoch 0") }
            let width = Int(try reader.integer(1))
            guard width == Fingerprint.compactByteCount || width == Fingerprint.byteCount else {
                throw FederationError(.malformed, "a group of changes has fingerprints \(width) bytes wide (16 or 32 expected)")
            }
            let members = Int(try reader.integer(4))
            guard members > 0, members <= count - changes.count else {
                throw FederationError(
                    .malformed,
                    "a group of \(members) changes does not fit the batch's count (\(count - changes.count) left)"
                )
            }
            for _ in 0..<members {
                guard let kind = Change.Kind(rawValue: try reader.integer(1).toUInt8) else {
                    throw FederationError(.malformed, "a change has an unknown kind")
                }
                guard let fingerprint = Fingerprint(bytes: try reader.bytes(width)), fingerprint.width == width else {
                    throw FederationError(.malformed, "a fingerprint of a \(width)-byte group is not \(width) bytes wide")
                }
                let lastOn = kind == .upsert ? Day(daysSince1970: Int32(try reader.integer(2))) : nil
                changes.append(Change(kind: kind, epoch: epoch, fingerprint: fingerprint, lastOn: lastOn))
            }
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

    /// The wire version this node speaks: 3 since issue 15 (changes grouped by epoch, 16-byte
    /// fingerprints); 2 was the federation hardening's (reset generations).
    public static let wireVersion: UInt8 = 3

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
