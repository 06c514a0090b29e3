/// A person as stored, with the store's id.
public struct StoredPerson: Sendable, Hashable {
    /// The store's id.
    public var id: Int64
    /// The person.
    public var person: Person

    /// Creates a stored person.
    public init(id: Int64, person: Person) {
        self.id = id
        self.person = person
    }
}
