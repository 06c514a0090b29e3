extension Situation {
    /// Adds the tab's problems: the text's length.
    public func validate(into validation: inout Validation, at path: String = "situation") {
        validation.text(text, "\(path).text", limit: Validation.longTextLength, required: false)
    }
}
