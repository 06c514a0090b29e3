/// The body of `POST /person-reports`: `{"avs": "756.…"}` (in the body, never in a URL).
struct PersonReportBody: Decodable {
    let avs: String
}
