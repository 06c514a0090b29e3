import CIICore

extension PowerOfAttorney {
    /// The longest duration in each unit (ten years).
    public static func maximum(_ unit: DurationUnit) -> Int {
        switch unit {
        case .days: 3_660
        case .months: 120
        case .years: 10
        }
    }

    /// Adds the problems: a start in the past, a duration of 1 to ten years' worth of its unit.
    public func validate(into validation: inout Validation, at path: String) {
        validation.pastDate(start, "\(path).start")
        let maximum = Self.maximum(unit)
        if !(1...maximum).contains(duration) {
            validation.add(
                "\(path).duration",
                .outOfRange,
                LocalizedText(
                    fr: "La durée doit être entre 1 et \(maximum) \(unit.label(.fr)).",
                    de: "Die Dauer muss zwischen 1 und \(maximum) \(unit.label(.de)) liegen.",
                    en: "The duration must lie between 1 and \(maximum) \(unit.label(.en))."
                )
            )
        }
    }
}
