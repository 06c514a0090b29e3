extension Announcement {
    /// Adds the tab's problems: dates in the past and in order (followed since ≤ announced ≤ to the bureau).
    public func validate(into validation: inout Validation, at path: String = "announcement") {
        validation.pastDate(announcedOn, "\(path).announcedOn")
        validation.pastDate(announcedToBureauOn, "\(path).announcedToBureauOn")
        validation.pastDate(followedSince, "\(path).followedSince")
        validation.order(followedSince, announcedOn, "\(path).announcedOn", after: "followedSince")
        validation.order(announcedOn, announcedToBureauOn, "\(path).announcedToBureauOn", after: "announcedOn")
    }
}
