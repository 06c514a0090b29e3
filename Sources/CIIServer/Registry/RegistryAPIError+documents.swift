import CIICore
import CIIRegistry
import HTTPTypes

extension RegistryAPIError {
    /// The API's answer to a refusal of the document vault; `limit` is the size limit in bytes.
    static func of(_ error: DocumentError, limit: Int) -> RegistryAPIError {
        switch error.code {
        case .tooLarge: return documentTooLarge(limit: limit)
        case .unsupportedKind:
            return .invalid(
                "body",
                "document.kind",
                LocalizedText(
                    fr:
                        "Type de fichier refusé : PDF, PNG, JPEG, DOCX, XLSX, ODT ou texte UTF-8 ; le contenu décide, pas le nom. Rien n'a été enregistré.",
                    de:
                        "Dateityp nicht erlaubt: PDF, PNG, JPEG, DOCX, XLSX, ODT oder UTF-8-Text; der Inhalt entscheidet, nicht der Name. Nichts wurde gespeichert.",
                    en: "File type refused: PDF, PNG, JPEG, DOCX, XLSX, ODT or UTF-8 text; the content decides, not the name. Nothing was saved."
                )
            )
        case .empty:
            return .invalid(
                "body",
                "document.empty",
                LocalizedText(
                    fr: "Le fichier est vide : envoyez son contenu comme corps de la requête.",
                    de: "Die Datei ist leer: senden Sie ihren Inhalt als Anfragekörper.",
                    en: "The file is empty: send its content as the request body."
                )
            )
        case .interrupted:
            return RegistryAPIError(
                .badRequest,
                code: "document.interrupted",
                field: "body",
                LocalizedText(
                    fr: "L'envoi s'est interrompu avant sa fin ; rien n'a été enregistré. Envoyez le fichier à nouveau.",
                    de: "Die Übertragung brach vor ihrem Ende ab; nichts wurde gespeichert. Senden Sie die Datei erneut.",
                    en: "The upload stopped before its end; nothing was saved. Send the file again."
                )
            )
        case .notFound: return documentNotFound
        case .damaged, .ioFailed: return documentsUnavailable
        }
    }

    /// 413: a document over `registry.document_max_bytes`.
    static func documentTooLarge(limit: Int) -> RegistryAPIError {
        let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
        return RegistryAPIError(
            .contentTooLarge,
            code: "document.too_large",
            field: "body",
            LocalizedText(
                fr: "Le fichier dépasse la limite de \(size) ; rien n'a été enregistré.",
                de: "Die Datei ist grösser als die Grenze von \(size); nichts wurde gespeichert.",
                en: "The file is larger than the limit of \(size); nothing was saved."
            )
        )
    }

    /// 404: no such file in this case's documents tab.
    static var documentNotFound: RegistryAPIError {
        RegistryAPIError(
            .notFound,
            code: "document.not_found",
            LocalizedText(
                fr: "Aucun document de ce cas avec ce numéro.",
                de: "Kein Dokument dieses Falls mit dieser Nummer.",
                en: "No document of this case with this id."
            )
        )
    }

    /// 503: the vault cannot read or write now.
    static var documentsUnavailable: RegistryAPIError {
        RegistryAPIError.of(RegistryError(.unavailable, "the document vault failed"))
    }
}
