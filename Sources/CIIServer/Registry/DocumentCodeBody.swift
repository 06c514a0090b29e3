/// The body of `PUT /document-codes/{code}`.
struct DocumentCodeBody: Decodable {
    let labelFR: String
    let labelDE: String
    let isPowerOfAttorney: Bool?
}
