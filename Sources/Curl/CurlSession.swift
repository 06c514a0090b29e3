import CCurl
import Synchronization

/// One libcurl handle kept across requests, so that requests to the same server reuse its
/// connection (HTTP keep-alive: one TCP connection and one TLS handshake, not one per request).
///
/// Keep one session per peer. It performs one transfer at a time: a second caller waits for the
/// first. Between requests the handle is reset (`curl_easy_reset`), which clears every option but
/// keeps the connection cache; each request sets its own options, exactly as ``Curl/perform(_:)``
/// does, so a request never inherits another's CA file, client certificate or body.
///
/// ```swift
/// let session = CurlSession()
/// let first = try session.perform(HTTPRequest(url: "https://orp.example:8443/healthz", caFile: ca))
/// let second = try session.perform(HTTPRequest(url: "https://orp.example:8443/healthz", caFile: ca))
/// // second.newConnections == 0: the connection of the first was reused.
/// ```
///
/// Like ``Curl``, it blocks: call it from a thread that may block, not from an event loop.
public final class CurlSession: Sendable {
    /// The easy handle, created on first use; nil until then.
    private let handle = Mutex<UnsafeMutableRawPointer?>(nil)

    /// Creates a session; its handle is created by the first ``perform(_:)``.
    public init() {}

    /// Performs `request` on the session's handle, reusing its open connection to the same
    /// server when the TLS settings are the same, and returns the response, whatever its status.
    /// - Throws: ``CurlError`` when the transfer fails (connection, TLS, timeout, body too large).
    public func perform(_ request: HTTPRequest) throws(CurlError) -> HTTPResponse {
        try handle.withLock { (handle) throws(CurlError) -> HTTPResponse in
            precondition(Curl.initialized, "libcurl could not be initialised")
            if let existing = handle {
                curl_easy_reset(existing)
            } else {
                guard let created = curl_easy_init() else { throw CurlError(code: -1, reason: "curl_easy_init failed") }
                handle = created
            }
            return try Curl.transfer(request, on: handle!)
        }
    }

    deinit {
        handle.withLock { handle in
            if let handle { curl_easy_cleanup(handle) }
        }
    }
}
