import Foundation

/// A file or folder under a node's data folder that others than its owner can reach.
///
/// Every file of a node is its owner's alone (0600, folders 0700), except those public on
/// purpose: certificates (`*.crt`, `*.pem` holding no private key), public keys (`keys/*.pub`),
/// and in `federation/` the signed manifest, the trust anchor and the last refused manifest.
/// Those are 0644 and only must not be writable by others. `ciid status` names each exception.
public struct ExposedFile: Sendable, Equatable {
    /// The file's path, under the data folder as it was given.
    public let path: String
    /// Its permission bits, e.g. `0o644`.
    public let mode: Int
    /// Whether it is a folder.
    public let isFolder: Bool
    /// Whether it is public on purpose (then only writing by others is an exception).
    public let isPublic: Bool

    /// The mode it should have.
    public var expectedMode: Int { isFolder ? 0o700 : isPublic ? 0o644 : 0o600 }

    /// What is wrong and what to do, in one line.
    public var advice: String {
        let mode = "\(path) (mode 0\(String(mode, radix: 8)))"
        let chmod = "run `chmod \(String(expectedMode, radix: 8)) \(path)`"
        if isPublic { return "\(mode): others can change it; \(chmod), and check that it holds what it should" }
        let who = isFolder ? "others can list or enter it" : "others than its owner can read or change it"
        return "\(mode): \(who); \(chmod), and find out who had access"
    }

    /// Files that may be read by anyone, by their path inside the data folder.
    static let publicDocuments: Set<String> = ["federation/manifest.json", "federation/anchor.json", "federation/manifest-refusal.json"]

    /// Every file and folder under `directory` (the folder itself included) that others than its
    /// owner can reach, sorted by path; symbolic links are not followed.
    public static func all(under directory: NodeDirectory) -> [ExposedFile] {
        let manager = FileManager.default
        var found: [ExposedFile] = []
        var folders = [""]
        while let relative = folders.popLast() {
            let folder = relative.isEmpty ? directory.root : "\(directory.root)/\(relative)"
            if let exposed = check(folder, relative: relative) { found.append(exposed) }
            for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
                let inner = relative.isEmpty ? name : "\(relative)/\(name)"
                let type = (try? manager.attributesOfItem(atPath: "\(directory.root)/\(inner)"))?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    folders.append(inner)
                } else if type == .typeRegular, let exposed = check("\(directory.root)/\(inner)", relative: inner) {
                    found.append(exposed)
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The exception `path` is, if any.
    static func check(_ path: String, relative: String) -> ExposedFile? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), let mode = attributes[.posixPermissions] as? Int else {
            return nil
        }
        let isFolder = attributes[.type] as? FileAttributeType == .typeDirectory
        let isPublic = !isFolder && isPublicFile(path, relative: relative)
        guard mode & (isPublic ? 0o022 : 0o077) != 0 else { return nil }
        return ExposedFile(path: path, mode: mode & 0o7777, isFolder: isFolder, isPublic: isPublic)
    }

    /// Whether the file at `relative` inside the data folder is public on purpose.
    static func isPublicFile(_ path: String, relative: String) -> Bool {
        if publicDocuments.contains(relative) { return true }
        if relative.hasPrefix("keys/"), relative.hasSuffix(".pub") { return true }
        guard relative.hasSuffix(".crt") || relative.hasSuffix(".pem"), let bytes = try? SecureFile.read(path) else { return false }
        return !String(decoding: bytes, as: UTF8.self).contains("PRIVATE KEY")
    }
}
