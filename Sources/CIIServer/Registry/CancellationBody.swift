/// The body of `POST …/cases/{id}/cancellation`: `{"reason": "…"}`.
struct CancellationBody: Decodable {
    let reason: String
}
