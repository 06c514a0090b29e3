public import CIICore
import CIIImport
public import CIIRegistry
import Foundation

/// `ciid registry import`: reads a registry import file (`docs/registry-csv.md`) and writes its
/// valid rows as case periods, through the registry's own rules, in one transaction.
///
/// ```swift
/// let importer = RegistryCaseImporter(service: service, actor: bureau, language: .en)
/// let report = try await importer.importFile(at: "cas.csv", dryRun: false, today: .today())
/// print(report.summaryText)
/// ```
public struct RegistryCaseImporter: Sendable {
    /// The registry.
    public let service: RegistryService
    /// Who imports (the bureau).
    public let actor: RegistryActor
    /// The language of the rejects' reasons.
    public let language: Language

    /// Creates an importer.
    public init(service: RegistryService, actor: RegistryActor, language: Language = .en) {
        self.service = service
        self.actor = actor
        self.language = language
    }

    /// Imports the file at `path`.
    ///
    /// The rejects (refused and skipped rows) go to `rejectsPath`, by default `FILE.rejects.csv`;
    /// a rejects file of an earlier import is removed first. A dry run writes nothing, and a
    /// rejects file only at an explicit `rejectsPath`. When the report names no rejects file,
    /// the caller shows ``RegistryImportReport/rejects``.
    ///
    /// - Parameters:
    ///   - willWrite: called with the rows read just before the registry is written (not in a dry
    ///     run); when it throws (the audit log refuses the entry), nothing is written.
    /// - Throws: ``RegistryImportError``; the registry is then unchanged.
    public func importFile(
        at path: String,
        rejectsPath: String? = nil,
        dryRun: Bool,
        today: Day,
        willWrite: (_ rowsRead: Int) throws -> Void = { _ in }
    ) async throws(RegistryImportError) -> RegistryImportReport {
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw RegistryImportError(.cannotRead, "Cannot read \(path): \(error.localizedDescription)")
        }
        let file = try RegistryCaseFile(bytes: bytes, today: today)
        let rejectsFile: RejectsFile? =
            dryRun ? rejectsPath.map(RejectsFile.init(path:)) : RejectsFile(path: rejectsPath ?? RejectsFile(forInput: path).path)
        rejectsFile?.removeStale()
        if !dryRun {
            // Fails before the registry is written when the rejects cannot be written.
            try write(file.rejects(language), to: rejectsFile)
            do {
                try willWrite(file.rowsRead)
            } catch {
                throw RegistryImportError(.audit, "The import cannot be written to the audit log, so nothing was imported: \(error)")
            }
        }
        let valid = file.cases
        let outcomes: [CaseImportOutcome]
        do {
            outcomes = try await service.importCases(valid.map(\.imported), dryRun: dryRun, by: actor)
        } catch {
            throw RegistryImportError(.registry, "The registry refused the import; nothing was imported: \(error.reason)")
        }
        var report = RegistryImportReport(
            rowsRead: file.rowsRead,
            imported: 0,
            newPeople: 0,
            rejected: file.rows.count(where: { if case .invalid = $0.content { true } else { false } }),
            alreadyInRegistry: 0,
            duplicatesInFile: 0,
            cancelled: file.rows.count(where: { if case .cancelled = $0.content { true } else { false } }),
            caseIDs: nil,
            rejects: file.rejects(language),
            rejectsFile: nil,
            encoding: file.encoding,
            delimiter: file.delimiter,
            dryRun: dryRun
        )
        let validRows = file.rows.filter { if case .valid = $0.content { true } else { false } }
        for (index, outcome) in outcomes.enumerated() {
            let line = valid[index].line
            switch outcome {
            case .created(let caseID, let newPerson):
                report.imported += 1
                if newPerson { report.newPeople += 1 }
                if caseID > 0 {
                    report.caseIDs = min(report.caseIDs?.lowerBound ?? caseID, caseID)...max(report.caseIDs?.upperBound ?? caseID, caseID)
                }
            case .invalid(let problems):
                report.rejected += 1
                let groups = validRows[index].serviceGroups
                report.rejects += problems.map { problem in
                    file.reject(
                        line,
                        RowProblem(
                            column: RegistryRowReader.column(of: problem.field, groups: groups),
                            code: problem.code.rawValue,
                            message: problem.message
                        ),
                        language
                    )
                }
            case .alreadyInRegistry(let caseID):
                report.alreadyInRegistry += 1
                report.rejects.append(
                    RowReject(line: line, column: "", code: "case.already_in_registry", reason: Messages.alreadyInRegistry(caseID)(language))
                )
            case .duplicateInInput(let earlier):
                report.duplicatesInFile += 1
                report.rejects.append(
                    RowReject(line: line, column: "", code: "case.duplicate_in_file", reason: Messages.duplicateInFile(valid[earlier].line)(language))
                )
            }
        }
        report.rejects.sort { $0.line < $1.line }
        // Written once more with the skipped rows; should that fail now, the import stands and the
        // caller shows the rejects instead (``RegistryImportReport/rejectsFile`` is nil).
        rejectsFile?.removeStale()
        if let rejectsFile, !report.rejects.isEmpty, (try? rejectsFile.write(report.rejects)) != nil {
            report.rejectsFile = rejectsFile.path
        }
        return report
    }

    private func write(_ rejects: [RowReject], to file: RejectsFile?) throws(RegistryImportError) {
        guard let file, !rejects.isEmpty else { return }
        do {
            try file.write(rejects)
        } catch {
            throw RegistryImportError(.cannotWrite, error.reason)
        }
    }
}
