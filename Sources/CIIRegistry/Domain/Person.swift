public import CIICore

/// A person of the registry. One person may have several case periods.
///
/// The AVS number is the one plain AVS number ciid keeps anywhere: stores seal it at rest and
/// find it by ``RegistryKey/personIndex(of:)``. `description` shows it masked.
public struct Person: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The AVS number.
    public var avs: AVSNumber
    /// Surname.
    public var surname: String
    /// First name.
    public var firstName: String
    /// Date of birth.
    public var birthDate: Day
    /// Sex.
    public var sex: Sex
    /// Language of correspondence.
    public var language: Language
    /// Highest completed education.
    public var education: EducationLevel

    /// Creates a person.
    public init(avs: AVSNumber, surname: String, firstName: String, birthDate: Day, sex: Sex, language: Language, education: EducationLevel) {
        self.avs = avs
        self.surname = surname
        self.firstName = firstName
        self.birthDate = birthDate
        self.sex = sex
        self.language = language
        self.education = education
    }

    /// The name with the AVS number masked.
    public var description: String { "\(surname) \(firstName) (\(avs.masked))" }

    private enum CodingKeys: String, CodingKey {
        case avs, surname, firstName, birthDate, sex, language, education
    }

    /// Decodes a person; the AVS number is validated (with or without dots).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .avs)
        do {
            avs = try AVSNumber(text)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .avs, in: container, debugDescription: "not a valid AVS number: \(error)")
        }
        surname = try container.decode(String.self, forKey: .surname)
        firstName = try container.decode(String.self, forKey: .firstName)
        birthDate = try container.decode(Day.self, forKey: .birthDate)
        sex = try container.decode(Sex.self, forKey: .sex)
        language = try container.decode(Language.self, forKey: .language)
        education = try container.decode(EducationLevel.self, forKey: .education)
    }

    /// Encodes a person, the AVS number written in full (`756.9217.0769.85`): only for the API
    /// answer to someone allowed to read it, never for a log.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(avs.formatted, forKey: .avs)
        try container.encode(surname, forKey: .surname)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(birthDate, forKey: .birthDate)
        try container.encode(sex, forKey: .sex)
        try container.encode(language, forKey: .language)
        try container.encode(education, forKey: .education)
    }
}
