public import CIICore
public import Hummingbird
import NIOCore
import Prometheus

/// `GET /healthz` and `GET /metrics`.
public struct StatusController: Sendable {
    let node: NodeID
    let role: NodeRole
    let metrics: NodeMetrics

    /// Creates the controller.
    public init(node: NodeID, role: NodeRole, metrics: NodeMetrics) {
        self.node = node
        self.role = role
        self.metrics = metrics
    }

    /// Adds the routes to `router`.
    public func addRoutes(to router: Router<NodeRequestContext>) {
        let health = "{\"status\":\"ok\",\"node\":\(JSONText.quoted(node.rawValue)),\"role\":\"\(role.rawValue)\"}"
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: health)))
        }
        router.get("/metrics") { _, _ in
            var buffer: [UInt8] = []
            self.metrics.registry.emit(into: &buffer)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer))
            )
        }
    }
}
