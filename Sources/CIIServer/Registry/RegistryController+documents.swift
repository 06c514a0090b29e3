import CIIAudit
import CIICore
import CIIRegistry
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

extension RegistryController {
    /// `POST /cases/{id}/documents?designation=…&code=…[&poaStart=…&poaDuration=…&poaUnit=…]` with
    /// `If-Match` and the file as the body: streamed into the vault piece by piece (never held
    /// whole), its kind told by its content, then its line added to the documents tab. Scope,
    /// `If-Match`, the line and a declared `Content-Length` are checked before the body is read;
    /// a refused file or a refused line leaves nothing in the vault. 201 with the case and its ETag.
    func upload(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        let id = try Self.id(context)
        let current = try await service.readCase(id, by: actor)  // out of scope: 404 before anything else
        guard let header = request.headers[.ifMatch], let etag = CaseETag(header: header) else { throw RegistryAPIError.preconditionRequired }
        guard etag == current.etag else { throw RegistryAPIError.of(RegistryError(.conflict, "stale If-Match")) }
        let line = try DocumentQuery.line(request)
        try await service.checkDocument(line, for: id, by: actor)
        guard let vault = documents else { throw RegistryAPIError.documentsUnavailable }
        let limit = documentLimit
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw RegistryAPIError.documentTooLarge(limit: limit)
        }
        let service = service
        let (stored, view) = try await auditor.change(
            .registryChange,
            actor,
            subject: "case:\(id)",
            [("operation", "upload_document"), ("code", line.code)]
        ) { () async throws -> (StoredDocument, CaseView) in
            let stored: StoredDocument
            do throws(DocumentError) {
                stored = try await vault.store(request.body.map { Array($0.readableBytesView) }, limit: limit)
            } catch {
                throw RegistryAPIError.of(error, limit: limit)
            }
            var document = line
            document.vaultID = stored.id.rawValue
            document.size = Int64(stored.size)
            document.kind = stored.kind.rawValue
            do {
                return (stored, try await service.addDocument(document, to: id, ifMatch: etag, by: actor))
            } catch {
                try? vault.delete(stored.id)  // the line was refused (412, 422): no file without its line
                throw error
            }
        }
        auditor.record(
            .registryChange,
            actor,
            subject: "case:\(id)",
            outcome: "stored",
            [("document", stored.id.rawValue), ("kind", stored.kind.rawValue), ("bytes", String(stored.size))]
        )
        var response = try RegistryJSON.response(view, status: .created, etag: view.etag)
        response.headers[.location] = "/api/v1/registry/cases/\(id)/documents/\(stored.id.rawValue)"
        return response
    }

    /// `GET /cases/{id}/documents/{vaultID}`: the file of a line of the case's documents tab,
    /// decrypted chunk by chunk as it is sent, once the read is durably audited (503 otherwise).
    /// A file no line of this case names is a 404, like a case out of scope.
    func download(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        let id = try Self.id(context)
        let view = try await service.readCase(id, by: actor)
        guard let text = context.parameters.get("vaultID"), let documentID = DocumentID(text),
            let line = view.documents?.first(where: { $0.vaultID == text })
        else { throw RegistryAPIError.documentNotFound }
        guard let vault = documents else { throw RegistryAPIError.documentsUnavailable }
        let stream: DocumentStream
        do throws(DocumentError) {
            stream = try vault.read(documentID)
        } catch {
            context.logger.error("registry: case \(id) names document \(documentID), which the vault cannot open: \(error)")
            throw RegistryAPIError.of(error, limit: documentLimit)
        }
        try await auditor.commit(
            .registryRead,
            actor,
            subject: "case:\(id)",
            [("what", "document"), ("document", text), ("bytes", String(line.size))]
        )
        let kind = DocumentKind(rawValue: line.kind)
        let size = Int(line.size)
        let logger = context.logger
        let headers: HTTPFields = [
            .contentType: kind?.mediaType ?? "application/octet-stream",
            .contentDisposition: AttachmentName.contentDisposition(designation: line.designation, fileExtension: kind?.fileExtension ?? "bin"),
            .contentLength: String(size),
            .cacheControl: "no-store",
        ]
        return Response(
            status: .ok,
            headers: headers,
            body: ResponseBody(contentLength: size) { writer in
                var sent = 0
                do {
                    for try await chunk in stream {
                        sent += chunk.count
                        guard sent <= size else { throw DocumentError(.damaged, "document \(documentID) is longer than its line says") }
                        try await writer.write(ByteBuffer(bytes: chunk))
                    }
                    guard sent == size else { throw DocumentError(.damaged, "document \(documentID) is shorter than its line says") }
                } catch let error as DocumentError {
                    // The status is sent: the only way left to tell the client is to cut the response short.
                    logger.error("registry: \(error)")
                    throw error
                }
                try await writer.finish(nil)
            }
        )
    }

    /// `PUT /cases/{id}/documents` with `If-Match`: the lines changed, reordered or removed (each
    /// must name a file the case holds); the files of removed lines are deleted from the vault once
    /// the change is committed.
    func replaceDocuments(_ request: Request, context: NodeRequestContext, id: Int64, etag: CaseETag) async throws -> Response {
        let actor = try Self.actor(context)
        let lines = try await RegistryJSON.decode([CaseDocument].self, from: request, path: "documents")
        let change = try await auditor.change(.registryChange, actor, subject: "case:\(id)", [("tab", "documents"), ("ifMatch", etag.header)]) {
            try await service.replaceDocuments(lines, of: id, ifMatch: etag, by: actor)
        }
        for removed in change.removed {
            guard let vault = documents, let documentID = DocumentID(removed) else { continue }
            do throws(DocumentError) {
                try vault.delete(documentID)
                auditor.record(.registryChange, actor, subject: "case:\(id)", outcome: "deleted", [("document", removed)])
            } catch  where error.code == .notFound {
                continue
            } catch {
                context.logger.error("registry: the file of a removed line of case \(id) could not be deleted: \(error)")
            }
        }
        return try RegistryJSON.response(change.view, etag: change.view.etag)
    }
}
