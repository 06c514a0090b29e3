import CIICore

extension CaseDocument {
    /// The kinds of content the vault accepts.
    public static let kinds: Set<String> = ["pdf", "png", "jpeg", "docx", "xlsx", "odt", "text"]

    /// Adds the document's problems: designation, a known code, a known kind, and for a power of
    /// attorney a start and a duration within range.
    public func validate(into validation: inout Validation, at path: String) {
        validation.text(designation, "\(path).designation", limit: Validation.shortTextLength)
        validation.text(vaultID, "\(path).vaultID", limit: 200)
        let known = validation.context.documentCodes[code]
        if known == nil {
            validation.add(
                "\(path).code",
                .unknownCode,
                LocalizedText(
                    fr: "Code de document inconnu : voir la codification CII.",
                    de: "Unbekannter Dokumentcode: siehe IIZ-Kodierung.",
                    en: "Unknown document code: see the CII codification."
                )
            )
        }
        if !Self.kinds.contains(kind) {
            validation.add(
                "\(path).kind",
                .unknownCode,
                LocalizedText(
                    fr: "Type de fichier refusé (PDF, PNG, JPEG, DOCX, XLSX, ODT, texte).",
                    de: "Dateityp nicht erlaubt (PDF, PNG, JPEG, DOCX, XLSX, ODT, Text).",
                    en: "File type refused (PDF, PNG, JPEG, DOCX, XLSX, ODT, text)."
                )
            )
        }
        if size < 0 {
            validation.add("\(path).size", .outOfRange, LocalizedText(fr: "Taille invalide.", de: "Ungültige Grösse.", en: "Invalid size."))
        }
        if let powerOfAttorney {
            powerOfAttorney.validate(into: &validation, at: "\(path).powerOfAttorney")
        } else if known?.isPowerOfAttorney == true {
            validation.add(
                "\(path).powerOfAttorney",
                .required,
                LocalizedText(
                    fr: "Une procuration demande une date de début, une durée et une unité.",
                    de: "Eine Vollmacht braucht ein Anfangsdatum, eine Dauer und eine Einheit.",
                    en: "A power of attorney needs a start date, a duration and a unit."
                )
            )
        }
    }
}
