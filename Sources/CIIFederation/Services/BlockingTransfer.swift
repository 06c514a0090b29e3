import Curl
import Dispatch

/// Runs a blocking libcurl transfer on a Dispatch thread, so that a slow peer never holds one of
/// the few threads of Swift's cooperative pool (the HTTP server needs them).
enum BlockingTransfer {
    static let queue = DispatchQueue(label: "ciid.federation.transfers", attributes: .concurrent)

    static func perform(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    continuation.resume(returning: try Curl.perform(request))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
