import CIICore

extension CaseCollaborators {
    /// Adds the tab's problems: every entry in the directory, none twice.
    public func validate(into validation: inout Validation, at path: String = "collaborators") {
        if let announcing { validation.collaborator(announcing.collaboratorID, "\(path).announcing.collaboratorID") }
        var seen = Set<Int64>()
        for (index, entry) in involved.enumerated() {
            validation.collaborator(entry.collaboratorID, "\(path).involved[\(index)].collaboratorID")
            if !seen.insert(entry.collaboratorID).inserted {
                validation.add(
                    "\(path).involved[\(index)].collaboratorID",
                    .notAllowed,
                    LocalizedText(
                        fr: "Ce collaborateur figure déjà.",
                        de: "Diese Person ist bereits erfasst.",
                        en: "This collaborator is listed twice."
                    )
                )
            }
        }
    }
}
