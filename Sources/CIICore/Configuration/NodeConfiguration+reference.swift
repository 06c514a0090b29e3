extension NodeConfiguration {
    /// The reference of every setting, in Markdown, made from ``keys``: `ciid config reference`
    /// prints it, and `docs/configuration.md` is its output.
    public static var reference: String {
        var out = """
            # Configuration reference (`ciid.conf`)

            Generated from the declarations in `Sources/CIICore/Configuration/` by `ciid config reference`;
            do not edit by hand (a test compares this file with the command's output). `ciid init` writes
            every setting with its default; `ciid config check` reads a file and names the first bad line.

            """
        let defaults = NodeConfiguration.defaults
        var section = ""
        for key in keys {
            if key.section != section {
                section = key.section
                out += "\n## [\(section)]\n\n| setting | value | default | what it does |\n|---|---|---|---|\n"
            }
            let value: String
            if key.required {
                value = "required"
            } else if key.name == "node.dispositif" {
                value = "required on a dispositif node"
            } else if key.name == "server.federation_listen" {
                value = "host of `listen`, its port + 1"
            } else if let written = key.write(defaults) {
                value = "`\(written)`"
            } else {
                value = "unset" + (key.example.map { " (e.g. `\($0)`)" } ?? "")
            }
            out += "| `\(key.key)` | \(key.kind) | \(value) | \(key.help.replacingPipes) |\n"
        }
        return out
    }
}

extension String {
    /// The text with `|` escaped for a Markdown table cell.
    fileprivate var replacingPipes: String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}

extension NodeConfiguration {
    /// A complete `ciid.conf` for an ORP node with every default: `config/dispositif.example.conf`.
    public static var example: String {
        var configuration = NodeConfiguration.defaults
        configuration.id = try! NodeID("orp-vs")
        configuration.dispositif = .orp
        return configuration.rendered(heading: "ciid node configuration, example for an ORP node (`ciid config example`).")
    }
}
