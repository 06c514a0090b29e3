import CIIAccess
import CIICore
import CIIRegistry
import Hummingbird

extension CaseController {
    /// What a tab shows besides its inputs: the files of the documents tab (with their download
    /// links and the upload form), the computed and reviewed gravity index.
    func extra(
        _ view: CaseView,
        _ tab: CasePageTab,
        actor: RegistryActor,
        state: PageState,
        editable: Bool,
        options: CaseOptions,
        upload: (values: [String: String], problems: [String: String])? = nil
    ) async throws -> [String: Any] {
        let texts = PageText.texts(state.language)
        switch tab {
        case .documents:
            let today = registry.pages.today()
            let lines = (view.documents ?? []).map { line -> [String: Any] in
                var item: [String: Any] = [
                    "designation": line.designation, "code": line.code, "kind": line.kind.uppercased(), "size": String(line.size),
                    "href": "/registry/cases/\(view.id)/documents/\(line.vaultID)", "expiry": "", "expired": false,
                ]
                if let poa = line.powerOfAttorney, let expiry = poa.expiry {
                    item["expiry"] = expiry.swiss
                    item["expired"] = poa.status(on: today) == .expired
                }
                return item
            }
            var data: [String: Any] = ["is_documents": true, "documents": lines, "has_documents": !lines.isEmpty]
            if editable, view.cancellation == nil {
                let form = CaseFieldMaker(values: upload?.values ?? [:], texts: texts)
                var fields = [
                    form.field("document.designation", "f_designation", .text),
                    form.select("document.code", "f_code", options.codes),
                    form.field("document.powerOfAttorney.start", "f_poa_start", .date),
                    form.field("document.powerOfAttorney.duration", "f_poa_duration", .text),
                    form.select("document.powerOfAttorney.unit", "f_poa_unit", options.units, optional: true),
                ]
                for index in fields.indices { fields[index].error = upload?.problems[fields[index].name] }
                var uploadData: [String: Any] = [
                    "fields": fields.map { $0.context() },
                    "limit": "\(registry.documentLimit / 1_048_576) MiB",
                    "available": registry.documents != nil, "file_error": false,
                ]
                if let fileError = upload?.problems["file"] { uploadData["file_error"] = fileError }
                data["upload"] = uploadData
            }
            return data
        case .gravity:
            guard let score = view.gravity else { return [:] }
            var data: [String: Any] = [
                "is_gravity": true, "computed": score.computed.description, "effective": score.effective.description,
                "weights": String(score.weightsVersion),
            ]
            if let review = score.review {
                data["review"] =
                    [
                        "index": review.index.description, "by": review.reviewedBy, "on": Day(review.reviewedAt).swiss,
                        "reason": review.overrideReason.map { $0 as Any } ?? false,
                    ] as [String: Any]
            }
            return data
        default:
            return [:]
        }
    }
}
