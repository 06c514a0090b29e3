/// The languages in which ciid speaks to people: French and German for the canton's
/// caseworkers, English for administrators and logs.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// Français.
    case fr
    /// Deutsch.
    case de
    /// English.
    case en

    /// Picks the first supported language of an HTTP `Accept-Language` header, French by default.
    ///
    /// ```swift
    /// Language(acceptLanguage: "de-CH,de;q=0.9,fr;q=0.8") // .de
    /// ```
    public init(acceptLanguage: String?) {
        for part in (acceptLanguage ?? "").split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingPrefixSpaces().lowercased() } ?? ""
            if let language = Language(rawValue: String(tag.prefix(2))) {
                self = language
                return
            }
        }
        self = .fr
    }
}

extension Substring {
    fileprivate func trimmingPrefixSpaces() -> Substring { drop { $0 == " " } }
}
