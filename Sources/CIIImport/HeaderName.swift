/// The comparable form of a column header: lowercase ASCII letters and digits only, accents
/// removed (`N° AVS` → `navs`, `Début du suivi` → `debutdusuivi`, `AHV-Nr.` → `ahvnr`).
public enum HeaderName {
    /// The comparable form of `header`.
    public static func normalized(_ header: String) -> String {
        var out = ""
        for scalar in header.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
            case "à", "á", "â", "ã", "ä", "å": out += "a"
            case "ç": out += "c"
            case "è", "é", "ê", "ë": out += "e"
            case "ì", "í", "î", "ï": out += "i"
            case "ñ": out += "n"
            case "ò", "ó", "ô", "õ", "ö": out += "o"
            case "ù", "ú", "û", "ü": out += "u"
            case "ý", "ÿ": out += "y"
            case "ß": out += "ss"
            case "æ": out += "ae"
            case "œ": out += "oe"
            default: break  // spaces, punctuation, combining accents, symbols such as ° and º
            }
        }
        return out
    }
}
