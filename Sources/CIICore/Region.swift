import Foundation

/// The five regions of the CII in Valais, each with its regional coordinator.
public enum Region: String, Sendable, Hashable, Codable, CaseIterable {
    /// Haut-Valais / Oberwallis.
    case hautValais = "HV"
    /// Sierre / Siders.
    case sierre = "SIE"
    /// Sion / Sitten.
    case sion = "SIO"
    /// Martigny / Martinach.
    case martigny = "MAR"
    /// Monthey.
    case monthey = "MON"

    /// The region's name in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .hautValais: LocalizedText(fr: "Haut-Valais", de: "Oberwallis", en: "Upper Valais")(language)
        case .sierre: LocalizedText(fr: "Sierre", de: "Siders", en: "Sierre")(language)
        case .sion: LocalizedText(fr: "Sion", de: "Sitten", en: "Sion")(language)
        case .martigny: LocalizedText(fr: "Martigny", de: "Martinach", en: "Martigny")(language)
        case .monthey: LocalizedText(fr: "Monthey", de: "Monthey", en: "Monthey")(language)
        }
    }
}

extension Region {
    /// Reads a region from its code (`SIO`) or its French or German name (`Sion`, `sitten`,
    /// `Haut-Valais`, `oberwallis`), without case.
    public init?(code text: String) {
        let folded = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard
            let region = Region.allCases.first(where: { region in
                [region.rawValue.lowercased(), region.label(.fr).lowercased(), region.label(.de).lowercased()].contains(folded)
            })
        else { return nil }
        self = region
    }
}
