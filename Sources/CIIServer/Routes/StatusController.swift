public import CIICore
public import Hummingbird
import NIOCore

/// `GET /healthz`.
public struct StatusController: Sendable {
    let node: NodeID
    let role: NodeRole

    /// Creates the controller.
    public init(node: NodeID, role: NodeRole) {
        self.node = node
        self.role = role
    }

    /// Adds the routes to `router`.
    public func addRoutes(to router: Router<NodeRequestContext>) {
        let health = "{\"status\":\"ok\",\"node\":\(JSONText.quoted(node.rawValue)),\"role\":\"\(role.rawValue)\"}"
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: health)))
        }
    }
}
