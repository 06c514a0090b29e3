public import CIICore

/// One thing wrong with an input: where (a path such as `services[1].end`), what (a stable code),
/// and a message for people in French, German and English. Never holds the value itself when it
/// may be an AVS number or a text of the case.
public struct RegistryProblem: Sendable, Hashable, CustomStringConvertible {
    /// The field, as a path into the tab (`announcement.announcedOn`, `services[1].end`).
    public let field: String
    /// What is wrong.
    public let code: RegistryProblemCode
    /// The message.
    public let message: LocalizedText

    /// Creates a problem.
    public init(field: String, code: RegistryProblemCode, message: LocalizedText) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// `field: code: English message`.
    public var description: String { "\(field): \(code.rawValue): \(message.en)" }
}
