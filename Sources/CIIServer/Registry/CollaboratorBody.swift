import CIICore
import CIIRegistry

/// A directory entry as sent to `POST /collaborators` and `PUT /collaborators/{id}`.
struct CollaboratorBody: Decodable {
    let name: String
    let dispositif: Dispositif
    let region: Region
    let phone: String
    let email: String
    let function: CIIFunction

    func collaborator(id: Int64) -> Collaborator {
        Collaborator(id: id, name: name, dispositif: dispositif, region: region, phone: phone, email: email, function: function)
    }
}
