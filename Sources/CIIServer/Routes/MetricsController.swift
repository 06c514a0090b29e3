public import Hummingbird
import NIOCore
import Prometheus

/// `GET /metrics`: the node's Prometheus metrics and its process's, behind ``MetricsAccessMiddleware``.
public struct MetricsController: Sendable {
    let metrics: NodeMetrics
    let access: MetricsAccess

    /// Creates the controller.
    public init(metrics: NodeMetrics, access: MetricsAccess) {
        self.metrics = metrics
        self.access = access
    }

    /// Adds the route to `router`.
    public func addRoutes(to router: Router<NodeRequestContext>) {
        router.group("/metrics")
            .add(middleware: MetricsAccessMiddleware(access: access))
            .get { _, _ in
                var buffer: [UInt8] = []
                buffer.reserveCapacity(16 * 1024)
                self.metrics.emit(into: &buffer)
                return Response(
                    status: .ok,
                    headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                    body: .init(byteBuffer: ByteBuffer(bytes: buffer))
                )
            }
    }
}
