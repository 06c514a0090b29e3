import HTTPTypes
import Hummingbird
import Logging

/// Lets through to `/metrics` only what ``MetricsAccess`` admits; anyone else gets the same
/// empty 404 as a path that does not exist, before any metric is read.
struct MetricsAccessMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    let access: MetricsAccess

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard access.admits(address: context.remoteAddress?.ipAddress, authorization: request.headers[.authorization]) else {
            context.logger.debug("/metrics refused to \(context.clientAddress): not in metrics.allow, and no valid token")
            throw HTTPError(.notFound)
        }
        return try await next(request, context)
    }
}
