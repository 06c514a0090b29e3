public import CIICore

/// A person as typed: the AVS number still a string, checked by ``validated(into:at:)``.
public struct PersonDraft: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The AVS number as typed (with or without dots).
    public var avs: String
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

    /// Creates a draft.
    public init(avs: String, surname: String, firstName: String, birthDate: Day, sex: Sex, language: Language, education: EducationLevel) {
        self.avs = avs
        self.surname = surname
        self.firstName = firstName
        self.birthDate = birthDate
        self.sex = sex
        self.language = language
        self.education = education
    }

    /// Never the AVS number.
    public var description: String { "PersonDraft(\(surname) \(firstName))" }

    /// The person, or `nil` with the problems added to `validation`.
    public func validated(into validation: inout Validation, at path: String = "person") -> Person? {
        let avsNumber = try? AVSNumber(avs)
        if avsNumber == nil {
            validation.add(
                "\(path).avs",
                .invalidAVS,
                LocalizedText(
                    fr: "Numéro AVS invalide (756.XXXX.XXXX.XX, chiffre de contrôle).",
                    de: "Ungültige AHV-Nummer (756.XXXX.XXXX.XX, Prüfziffer).",
                    en: "Invalid AVS number (756.XXXX.XXXX.XX, check digit)."
                )
            )
        }
        validation.text(surname, "\(path).surname", limit: Validation.nameLength)
        validation.text(firstName, "\(path).firstName", limit: Validation.nameLength)
        validation.pastDate(birthDate, "\(path).birthDate")
        guard let avsNumber else { return nil }
        return Person(
            avs: avsNumber,
            surname: surname.trimmingSpaces,
            firstName: firstName.trimmingSpaces,
            birthDate: birthDate,
            sex: sex,
            language: language,
            education: education
        )
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
