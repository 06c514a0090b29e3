import CCurl

/// Blocking HTTP(S) transfers through libcurl (`curl_easy_*`): one handle per call (or one per
/// ``CurlSession``), TLS verified against exactly the given CA file, bounded time and response size.
///
/// Call it from a thread that may block (a detached task or a dedicated thread), not from an
/// event loop.
public enum Curl {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// The libcurl version string, such as `libcurl/7.88.1 OpenSSL/3.0.15`.
    public static var version: String { String(cString: curl_version()) }

    /// Performs `request` on a handle of its own and returns the response, whatever its status.
    ///
    /// The connection is closed afterwards; to reuse it for further requests to the same server, use a ``CurlSession``.
    /// - Throws: ``CurlError`` when the transfer fails (connection, TLS, timeout, body too large).
    public static func perform(_ request: HTTPRequest) throws(CurlError) -> HTTPResponse {
        precondition(initialized, "libcurl could not be initialised")
        guard let handle = curl_easy_init() else { throw CurlError(code: -1, reason: "curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
        return try transfer(request, on: handle)
    }

    /// Sets every option of `request` on `handle` (fresh from `curl_easy_init` or `curl_easy_reset`)
    /// and performs it: the one place both ``perform(_:)`` and ``CurlSession`` configure libcurl.
    static func transfer(_ request: HTTPRequest, on handle: UnsafeMutableRawPointer) throws(CurlError) -> HTTPResponse {
        precondition(initialized, "libcurl could not be initialised")
        let sink = ResponseSink(limit: request.maximumResponseBytes)
        let context = Unmanaged.passRetained(sink)
        defer { context.release() }

        var headers: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headers) }
        for (name, value) in request.headers { headers = curl_slist_append(headers, "\(name): \(value)") }

        var rc = ciid_curl_setopt_string(handle, CURLOPT_URL, request.url)
        rc = rc == CURLE_OK ? ciid_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_long(handle, CURLOPT_TIMEOUT, request.timeoutSeconds) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_write_function(handle, writeCallback) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context.toOpaque()) : rc
        rc = rc == CURLE_OK ? trust(request.caFile, on: handle) : rc
        if rc == CURLE_OK, let client = request.clientCertificate {
            rc = ciid_curl_setopt_string(handle, CURLOPT_SSLCERT, client.certificate)
            rc = rc == CURLE_OK ? ciid_curl_setopt_string(handle, CURLOPT_SSLKEY, client.key) : rc
        }
        guard rc == CURLE_OK else { throw CurlError(code: Int(rc.rawValue), reason: String(cString: curl_easy_strerror(rc))) }

        return try request.body.withUnsafeBufferPointer { (body) throws(CurlError) -> HTTPResponse in
            if request.method != "GET" {
                _ = ciid_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE_LARGE, body.count)
                _ = ciid_curl_setopt_pointer(
                    handle,
                    CURLOPT_POSTFIELDS,
                    UnsafeMutableRawPointer(mutating: body.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                )
            }
            let result = curl_easy_perform(handle)
            // The body's buffer is only valid inside this closure: never leave it on a handle that is kept.
            _ = ciid_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, nil)
            guard result == CURLE_OK else {
                if sink.overflowed {
                    throw CurlError(code: Int(result.rawValue), reason: "the response is larger than \(request.maximumResponseBytes) bytes")
                }
                throw CurlError(code: Int(result.rawValue), reason: String(cString: curl_easy_strerror(result)))
            }
            var status = 0
            _ = ciid_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            var connects = 0
            _ = ciid_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
            return HTTPResponse(status: status, body: sink.bytes, newConnections: connects)
        }
    }

    /// Which CAs the TLS peer must chain to. With a `caFile`, exactly the CAs in it: libcurl's
    /// built-in CA folder (`/etc/ssl/certs` on Debian, the `--with-ca-path` of its build) is cleared
    /// and no native store is used, so a public CA or an inspection proxy's CA in the system store
    /// is not trusted. Without one, the system's bundle and folder (for SMTP relays and the like).
    static func trust(_ caFile: String?, on handle: UnsafeMutableRawPointer) -> CURLcode {
        guard let caFile else { return CURLE_OK }
        var rc = ciid_curl_setopt_string(handle, CURLOPT_CAINFO, caFile)
        rc = rc == CURLE_OK ? ciid_curl_setopt_null_string(handle, CURLOPT_CAPATH) : rc
        // 0: in particular not CURLSSLOPT_NATIVE_CA (the operating system's own store).
        rc = rc == CURLE_OK ? ciid_curl_setopt_long(handle, CURLOPT_SSL_OPTIONS, 0) : rc
        return rc
    }
}

/// Collects a response body, refusing more than `limit` bytes.
final class ResponseSink {
    var bytes: [UInt8] = []
    var overflowed = false
    let limit: Int

    init(limit: Int) { self.limit = limit }
}

private let writeCallback: ciid_curl_write_callback = { data, size, count, context in
    let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
    let length = size * count
    guard sink.bytes.count + length <= sink.limit else {
        sink.overflowed = true
        return 0
    }
    if let data { sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length)) }
    return length
}
