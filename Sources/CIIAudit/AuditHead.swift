/// The end of the chain as a writer last saw it, with the state of the file it appends to: when
/// the file has not changed since (same inode and size), no other process appended, and the
/// writer can chain on without reading the file again.
struct AuditHead: Sendable {
    /// The file the writer appends to.
    var file: String
    /// Its inode and size after the writer's last append.
    var inode: UInt64
    var size: Int64
    /// The last entry's sequence number and MAC (0 and zeros before the first entry).
    var seq: Int64
    var mac: [UInt8]
}
