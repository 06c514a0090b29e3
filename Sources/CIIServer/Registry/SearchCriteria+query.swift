import CIICore
import Hummingbird

extension SearchCriteria {
    /// The criteria of a `GET /cases` query. An AVS number there is refused (422): it belongs in
    /// the body of `POST /searches`, never in a URL that access logs keep.
    static func query(_ request: Request) throws(RegistryAPIError) -> SearchCriteria {
        var values = [String: String]()
        for (name, value) in request.uri.queryParameters { values[String(name)] = String(value) }
        if values["avs"] != nil {
            throw .invalid(
                "avs",
                "avs_in_url",
                LocalizedText(
                    fr: "Le numéro AVS ne va jamais dans une URL : cherchez-le avec POST /api/v1/registry/searches.",
                    de: "Die AHV-Nummer gehört nie in eine URL: suchen Sie sie mit POST /api/v1/registry/searches.",
                    en: "The AVS number never goes in a URL: search for it with POST /api/v1/registry/searches."
                )
            )
        }
        return SearchCriteria(values: values)
    }
}
