import CIIRegistry

/// The body of `POST /api/v1/registry/cases`.
struct NewCaseBody: Decodable {
    let person: PersonDraft
    let announcement: Announcement
    let situation: Situation?
    let collaborators: CaseCollaborators?

    var newCase: NewCase {
        NewCase(
            person: person,
            announcement: announcement,
            situation: situation ?? Situation(),
            collaborators: collaborators ?? CaseCollaborators()
        )
    }
}
