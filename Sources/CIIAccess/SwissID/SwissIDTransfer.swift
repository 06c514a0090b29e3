import Curl
import Dispatch

/// Runs the login's blocking libcurl transfers on a Dispatch thread, so that a slow provider never
/// holds a thread of Swift's cooperative pool (the HTTP server needs them).
enum SwissIDTransfer {
    static let queue = DispatchQueue(label: "ciid.access.swissid", attributes: .concurrent)

    /// Performs `request` on a handle of its own.
    static func perform(_ request: HTTPRequest) async throws(CurlError) -> HTTPResponse {
        let result: Result<HTTPResponse, CurlError> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(CurlError) {
                    continuation.resume(returning: .success(try Curl.perform(request)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }
}
