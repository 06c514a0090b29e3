public import CIICore

/// What may be corrected of a person once known: everything but the AVS number (which finds
/// the person; a wrong one is a new person).
public struct PersonDetails: Sendable, Hashable, Codable {
    /// Surname.
    public var surname: String
    /// First name.
    public var firstName: String
    /// Date of birth.
    public var birthDate: Day
    /// Sex.
    public var sex: Sex
    /// Language.
    public var language: Language
    /// Education.
    public var education: EducationLevel

    /// Creates the details.
    public init(surname: String, firstName: String, birthDate: Day, sex: Sex, language: Language, education: EducationLevel) {
        self.surname = surname
        self.firstName = firstName
        self.birthDate = birthDate
        self.sex = sex
        self.language = language
        self.education = education
    }

    /// The details of `person`.
    public init(_ person: Person) {
        self.init(
            surname: person.surname,
            firstName: person.firstName,
            birthDate: person.birthDate,
            sex: person.sex,
            language: person.language,
            education: person.education
        )
    }

    /// Adds the problems: names within length, a birth date between 1900 and today.
    public func validate(into validation: inout Validation, at path: String = "person") {
        validation.text(surname, "\(path).surname", limit: Validation.nameLength)
        validation.text(firstName, "\(path).firstName", limit: Validation.nameLength)
        validation.pastDate(birthDate, "\(path).birthDate")
    }

    /// Sets these details on `person`.
    public func apply(to person: inout Person) {
        person.surname = surname.trimmingSpaces
        person.firstName = firstName.trimmingSpaces
        person.birthDate = birthDate
        person.sex = sex
        person.language = language
        person.education = education
    }
}
