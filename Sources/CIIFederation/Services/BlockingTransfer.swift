import Curl
import Dispatch

/// Runs a blocking libcurl transfer on a Dispatch thread, so that a slow peer never holds one of
/// the few threads of Swift's cooperative pool (the HTTP server needs them).
enum BlockingTransfer {
    static let queue = DispatchQueue(label: "ciid.federation.transfers", attributes: .concurrent)

    /// Performs `request` on a handle of its own (a new connection).
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

    /// Performs `request` on `session` (see ``FederationState/session(for:)``), reusing its
    /// connection to the peer; waits while the session serves another transfer.
    static func perform(_ request: HTTPRequest, session: CurlSession) async throws -> HTTPResponse {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    continuation.resume(returning: try session.perform(request))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
