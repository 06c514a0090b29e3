import CIICore

extension Collaborator {
    /// Adds every problem of the directory entry to `validation`: a name, a phone number of at
    /// most 40 characters (optional), an e-mail address.
    public func validate(into validation: inout Validation) {
        validation.text(name, "name", limit: Validation.nameLength)
        validation.text(phone, "phone", limit: 40, required: false)
        validation.text(email, "email", limit: 200)
        if !email.contains("@") {
            validation.add(
                "email",
                .notAllowed,
                LocalizedText(fr: "Adresse e-mail invalide.", de: "Ungültige E-Mail-Adresse.", en: "Invalid e-mail address.")
            )
        }
    }
}
