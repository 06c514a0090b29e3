import CIICore

extension Training {
    /// The most participants one training may record.
    public static let maximumParticipants = 10_000

    /// Adds every problem of the record to `validation`: a title, a day that has come, French or
    /// German, and from 1 to ``maximumParticipants`` participants.
    public func validate(into validation: inout Validation) {
        validation.text(title, "title", limit: Validation.shortTextLength)
        validation.pastDate(date, "date")
        if language == .en {
            validation.add(
                "language",
                .notAllowed,
                LocalizedText(fr: "Français ou allemand.", de: "Französisch oder Deutsch.", en: "French or German.")
            )
        }
        if !(1...Self.maximumParticipants).contains(participants) {
            validation.add(
                "participants",
                .outOfRange,
                LocalizedText(
                    fr: "De 1 à \(Self.maximumParticipants) participants.",
                    de: "1 bis \(Self.maximumParticipants) Teilnehmende.",
                    en: "From 1 to \(Self.maximumParticipants) participants."
                )
            )
        }
    }
}
