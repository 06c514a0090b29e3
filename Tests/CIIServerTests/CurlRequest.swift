import Curl

/// Curl's request, by a name Hummingbird's `HTTPRequest` (HTTPTypes) does not hide.
typealias CurlRequest = HTTPRequest
