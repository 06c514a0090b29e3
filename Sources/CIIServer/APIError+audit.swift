import HTTPTypes

extension APIError {
    /// 503 `audit.unavailable`: the audit log cannot take the read's entry (its queue is full or
    /// the disk refuses writes), so the read is not answered.
    static var auditUnavailable: APIError {
        var error = APIError(
            .serviceUnavailable,
            code: "audit.unavailable",
            message: "The audit log cannot be written right now, and no check is answered without its audit entry. "
                + "The node's administrator sees why in `ciid status`; try again later."
        )
        error.retryAfter = 30
        return error
    }
}
