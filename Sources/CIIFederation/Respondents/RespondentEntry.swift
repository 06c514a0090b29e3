public import CIICore
import Foundation

/// One CII respondent in the directory the coordinator serves its members: the staff member a
/// caseworker of another dispositif calls about a person both know. Nothing else: the directory
/// names staff, never the people followed.
public struct RespondentEntry: Sendable, Codable, Hashable {
    /// First name and surname.
    public var name: String
    /// The dispositif the respondent works for.
    public var dispositif: Dispositif
    /// The region the respondent covers, such as `Sion` or `Haut-Valais/Oberwallis`.
    public var region: String
    /// A phone number, as it is dialled.
    public var phone: String
    /// An e-mail address.
    public var email: String

    /// Creates an entry.
    public init(name: String, dispositif: Dispositif, region: String, phone: String, email: String) {
        self.name = name
        self.dispositif = dispositif
        self.region = region
        self.phone = phone
        self.email = email
    }

    /// What is wrong with this entry, or nil when it is complete.
    public var problem: String? {
        let fields = [("name", name), ("region", region), ("phone", phone), ("email", email)]
        if let empty = fields.first(where: { $0.1.trimmingCharacters(in: .whitespaces).isEmpty }) { return "\(empty.0) is empty" }
        if let long = fields.first(where: { $0.1.count > 200 }) { return "\(long.0) is longer than 200 characters" }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains(".") else { return "email is not an e-mail address" }
        guard phone.allSatisfy({ $0.isNumber || " +-./()".contains($0) }) else {
            return "phone holds other characters than digits, spaces and + - . / ( )"
        }
        return nil
    }
}
