import CIICore
import CIIRegistry

/// A training or regional day as sent to `POST /trainings` and `PUT /trainings/{id}`.
struct TrainingBody: Decodable {
    let kind: TrainingKind
    let title: String
    let date: Day
    let region: Region
    let language: Language
    let participants: Int

    func training(id: Int64) -> Training {
        Training(id: id, kind: kind, title: title, date: date, region: region, language: language, participants: participants)
    }
}
