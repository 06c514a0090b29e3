import Hummingbird

/// What a page's precondition gives: the value it needs (a session, a checked form), or the
/// response to send instead (a redirect to the login, a refusal page).
enum PageOutcome<Value> {
    /// Go on with this value.
    case success(Value)
    /// Send this response instead.
    case failure(Response)
}
