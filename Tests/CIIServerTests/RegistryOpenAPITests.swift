import CIICore
import CIIServer
import Foundation
import Hummingbird
import Testing

/// `docs/registry-openapi.yaml` cannot drift from the router: every registry route the
/// coordinator serves is documented, and every documented operation is served.
@Suite struct RegistryOpenAPITests {
    /// `METHOD /path` of every operation in the document (its `paths:` block, two-space indents).
    static func documentedOperations() throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/registry-openapi.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        var operations = Set<String>()
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("components:") { break }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let key = line.dropFirst(4).prefix { $0 != ":" }
                if ["get", "put", "post", "delete", "patch"].contains(key) { operations.insert("\(key.uppercased()) \(path)") }
            }
        }
        return operations
    }

    @Test func everyRegistryRouteIsDocumentedAndEveryDocumentedRouteServed() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let served = Set(
            fixture.server.makeRouter().routes
                .filter { $0.path.description.hasPrefix("/api/v1/registry") }
                .map { "\($0.method.rawValue) \($0.path.description)" }
        )
        let documented = try Self.documentedOperations()
        #expect(served.count >= 20)
        #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
        #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
    }

    @Test func aDispositifNodeServesNoRegistryRoute() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        var server = try fixture.base.makeServer(nodeRole: .dispositif)
        server.registry = fixture.service
        let routes = server.makeRouter().routes
        #expect(!routes.contains { $0.path.description.hasPrefix("/api/v1/registry") })
    }
}
