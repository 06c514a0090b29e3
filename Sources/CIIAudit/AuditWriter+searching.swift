extension AuditWriter: AuditSearching {
    /// The entries of ``log`` whose subject is one of `subjects`: those already written (an event
    /// recorded without waiting may still be on its way to the disk).
    public func entries(withSubjects subjects: Set<String>) throws(AuditError) -> [AuditPersonEntry] {
        try log.entries(withSubjects: subjects)
    }
}
