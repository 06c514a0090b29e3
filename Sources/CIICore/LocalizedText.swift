/// A sentence in the three languages of ciid.
public struct LocalizedText: Sendable, Hashable {
    /// French.
    public let fr: String
    /// German.
    public let de: String
    /// English.
    public let en: String

    /// Creates a text from its three translations.
    public init(fr: String, de: String, en: String) {
        self.fr = fr
        self.de = de
        self.en = en
    }

    /// The text in `language`.
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .fr: fr
        case .de: de
        case .en: en
        }
    }
}
