public import HTTPTypes

extension HTTPFields {
    /// The value of the first field named `name`, or nil: cheaper than the subscript, which joins
    /// every field of that name into a new string (used on the check's path).
    public func first(_ name: HTTPField.Name) -> String? {
        for field in self where field.name == name { return field.value }
        return nil
    }
}
