import Foundation

/// The folded form of names that search compares: lower case, without accents (`Müller` →
/// `muller`, `Zoë Éric` → `zoe eric`), spaces trimmed. Stores keep a folded copy of each name.
public enum NameFolding {
    /// Folds `text`.
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars).lowercased().replacingOccurrences(of: "ß", with: "ss").trimmingCharacters(in: .whitespaces)
    }
}
