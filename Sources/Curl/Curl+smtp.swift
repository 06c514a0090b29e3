import CCurl

/// `curl_global_init` for the SMTP path (reference-counted by libcurl, thread-safe since 7.84).
private let smtpGlobalInit: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

extension Curl {
    /// Sends `message` through the SMTP server of `settings`, blocking until the server has
    /// accepted it for every recipient or the transfer failed.
    ///
    /// Call it from a thread that may block, not from Swift's cooperative pool.
    /// - Throws: ``CurlError``: code -1 for bad settings or a bad message (nothing was sent),
    ///   libcurl's code otherwise, with its explanation. Never the password.
    public static func send(_ message: MailMessage, via settings: SMTPSettings) throws(CurlError) {
        precondition(smtpGlobalInit, "libcurl could not be initialised")
        try settings.validate()
        let endpoint = try settings.endpoint()
        let sender = try MailMessage.parseAddress(settings.from, field: "the SMTP sender (from)")
        let recipients = try message.recipientAddresses()
        let upload = SMTPUpload(Array(try message.rendered(defaultFrom: settings.from).utf8))

        guard let handle = curl_easy_init() else { throw CurlError(code: -1, reason: "curl_easy_init failed") }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        defer { curl_easy_cleanup(handle) }
        let context = Unmanaged.passRetained(upload)
        defer { context.release() }
        var rcpt: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(rcpt) }
        for recipient in recipients { rcpt = curl_slist_append(rcpt, "<\(recipient.address)>") }

        let useSSL = settings.security == .none ? CURLUSESSL_NONE : CURLUSESSL_ALL
        var rc = ciid_curl_setopt_string(handle, CURLOPT_URL, try settings.curlURL())
        rc = rc == CURLE_OK ? ciid_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps") : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_long(handle, CURLOPT_TIMEOUT, settings.timeoutSeconds) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, settings.timeoutSeconds) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(useSSL.rawValue)) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(sender.address)>") : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, rcpt) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_long(handle, CURLOPT_UPLOAD, 1) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_read_function(handle, smtpReadCallback) : rc
        rc = rc == CURLE_OK ? ciid_curl_setopt_pointer(handle, CURLOPT_READDATA, context.toOpaque()) : rc
        if rc == CURLE_OK, let caFile = settings.caFile { rc = ciid_curl_setopt_string(handle, CURLOPT_CAINFO, caFile) }
        if rc == CURLE_OK, let username = settings.username { rc = ciid_curl_setopt_string(handle, CURLOPT_USERNAME, username) }
        if rc == CURLE_OK, let password = settings.password { rc = ciid_curl_setopt_string(handle, CURLOPT_PASSWORD, password) }
        guard rc == CURLE_OK else {
            throw CurlError(code: Int(rc.rawValue), reason: "cannot configure libcurl for SMTP: \(String(cString: curl_easy_strerror(rc)))")
        }

        let result = curl_easy_perform(handle)
        guard result == CURLE_OK else {
            let detail = errorBuffer.pointee == 0 ? String(cString: curl_easy_strerror(result)) : String(cString: errorBuffer)
            throw CurlError(code: Int(result.rawValue), reason: smtpFailure(result, detail: detail, endpoint: endpoint, settings: settings))
        }
    }

    /// A message for a failed SMTP transfer that says what to check; the password is masked.
    private static func smtpFailure(_ code: CURLcode, detail: String, endpoint: SMTPSettings.Endpoint, settings: SMTPSettings) -> String {
        let hint: String
        switch code {
        case CURLE_USE_SSL_FAILED:
            hint = "the server does not offer STARTTLS, and security startTLS requires it: enable TLS on the server, or use smtps:// with implicitTLS"
        case CURLE_PEER_FAILED_VERIFICATION:
            hint = "the server's certificate is not trusted or does not name \(endpoint.host): set caFile to the CA that signed it"
        case CURLE_SSL_CACERT_BADFILE:
            hint = "the CA file \(settings.caFile ?? "(system default)") cannot be read: check its path and that it holds PEM certificates"
        case CURLE_SSL_CONNECT_ERROR:
            hint = "the TLS handshake failed: check that the port speaks \(settings.security == .implicitTLS ? "TLS from the start" : "STARTTLS")"
        case CURLE_LOGIN_DENIED:
            hint = "the server refused the user name \(settings.username ?? "(none)") or its password: check the SMTP credentials"
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST:
            hint = "no SMTP server answers there: check the host and port"
        case CURLE_OPERATION_TIMEDOUT:
            hint = "no answer within \(settings.timeoutSeconds) s: check the server, or raise the timeout"
        default:
            hint = "see the server's log"
        }
        var text = "sending mail through \(endpoint.display) failed: \(detail.trimmingTrailingNewlines); \(hint)"
        if let password = settings.password, !password.isEmpty {
            text = text.split(separator: password, omittingEmptySubsequences: false).joined(separator: "<hidden>")
        }
        return text
    }
}

extension CurlError {
    /// An error of the SMTP layer itself (code -1): bad settings, a bad address, header injection.
    static func smtp(_ reason: String) -> CurlError {
        CurlError(code: -1, reason: reason)
    }
}

extension String {
    /// Without the line breaks libcurl puts at the end of some messages.
    fileprivate var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last?.isNewline == true { text = text.dropLast() }
        return String(text)
    }
}
