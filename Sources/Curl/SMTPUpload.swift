import CCurl

/// The rendered message that libcurl reads, through ``smtpReadCallback``, while it sends `DATA`.
final class SMTPUpload {
    /// The whole message.
    let bytes: [UInt8]
    /// How many bytes libcurl has taken so far.
    var offset = 0

    /// Wraps a rendered message.
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// `CURLOPT_READFUNCTION`: copies the next part of an ``SMTPUpload`` into libcurl's buffer; 0 at the end.
let smtpReadCallback: ciid_curl_read_callback = { buffer, size, count, context in
    let upload = Unmanaged<SMTPUpload>.fromOpaque(context!).takeUnretainedValue()
    let length = min(size * count, upload.bytes.count - upload.offset)
    guard length > 0, let buffer else { return 0 }
    upload.bytes.withUnsafeBytes { source in
        UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + upload.offset, byteCount: length)
    }
    upload.offset += length
    return length
}
