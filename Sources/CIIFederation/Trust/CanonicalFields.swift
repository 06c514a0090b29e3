/// The exact bytes a membership document (join request, admission) is signed over: each field in
/// a fixed order, as its UTF-8 length (4 bytes, big-endian) followed by its UTF-8 bytes, the
/// document's format name first. No field can run into the next, and the JSON around them
/// (order, spacing, escaping) does not matter.
enum CanonicalFields {
    /// The signed bytes of `fields`, in order.
    static func bytes(_ fields: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for field in fields {
            let utf8 = Array(field.utf8)
            let count = UInt32(utf8.count)
            bytes += [UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)]
            bytes += utf8
        }
        return bytes
    }
}
