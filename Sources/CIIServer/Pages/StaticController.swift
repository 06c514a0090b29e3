import Hummingbird
import NIOCore

/// `GET /static/ciid.css`: the pages' style sheet, cached for a day.
struct StaticController: Sendable {
    func addRoutes(to router: RouterGroup<NodeRequestContext>) {
        router.get("/static/ciid.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=86400"],
                body: .init(byteBuffer: ByteBuffer(string: PageStyle.css))
            )
        }
    }
}
