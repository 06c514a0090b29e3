public import Foundation

extension DocumentVault {
    /// The documents stored before `date` (by their file's modification time), in no order.
    public func documents(storedBefore date: Date) -> [DocumentID] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name -> DocumentID? in
            guard name.hasSuffix(".doc"), let id = DocumentID(String(name.dropLast(4))) else { return nil }
            let modified = (try? FileManager.default.attributesOfItem(atPath: "\(folder)/\(name)"))?[.modificationDate] as? Date
            guard let modified, modified < date else { return nil }
            return id
        }
    }
}
