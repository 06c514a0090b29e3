public import CIIStore
public import Foundation

extension AuditLog {
    /// The audit folder of a node: `DATA/audit/`, apart from `node.sqlite`.
    public static func directory(of node: NodeDirectory) -> URL {
        URL(fileURLWithPath: "\(node.root)/audit", isDirectory: true)
    }
}
