extension SMTPSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The settings with the password replaced by `<hidden>`.
    public var description: String {
        var parts = ["url: \(url)", "security: \(security.rawValue)", "from: \(from)"]
        if let username { parts.append("username: \(username)") }
        if password != nil { parts.append("password: <hidden>") }
        if let caFile { parts.append("caFile: \(caFile)") }
        if let heloDomain { parts.append("heloDomain: \(heloDomain)") }
        parts.append("timeoutSeconds: \(timeoutSeconds)")
        return "SMTPSettings(\(parts.joined(separator: ", ")))"
    }

    /// Same as ``description``: the password stays hidden.
    public var debugDescription: String { description }

    /// What `dump` shows: every field but the password, which is `<hidden>`.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "url": url, "security": security, "username": username as Any, "password": password == nil ? "nil" : "<hidden>",
                "caFile": caFile as Any, "from": from, "heloDomain": heloDomain as Any, "timeoutSeconds": timeoutSeconds,
            ],
            displayStyle: .struct
        )
    }
}
