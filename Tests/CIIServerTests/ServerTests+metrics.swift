import CIICore
import CIIServer
import CIITestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Metrics
import Prometheus
import Testing

extension ServerTests {
    /// A client outside `metrics.allow` gets the 404 of a missing path, unless it brings the token;
    /// the rule sits on the route, so the health route and the API are untouched.
    @Test func metricsOutsideTheAllowListNeedTheToken() async throws {
        var (server, token) = try makeServerWithToken()
        let apiToken = token
        let metricsToken = String(repeating: "m", count: 40)
        server.metricsAccess = MetricsAccess(allow: [try AddressRange(parsing: "192.0.2.0/24")], token: metricsToken)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await app.test(.live) { client in
            func scrape(_ authorization: String?) async throws -> (HTTPResponse.Status, String) {
                var headers: HTTPFields = [:]
                if let authorization { headers[.authorization] = authorization }
                return try await client.execute(uri: "/metrics", method: .get, headers: headers) { ($0.status, String(buffer: $0.body)) }
            }
            let missing = try await client.execute(uri: "/nothing-here", method: .get) { ($0.status, String(buffer: $0.body)) }
            let anonymous = try await scrape(nil)
            #expect(anonymous.0 == .notFound)
            #expect(anonymous == missing, "a refusal looks like a path that does not exist")
            #expect(try await scrape("Bearer " + String(repeating: "m", count: 39) + "n").0 == .notFound)
            #expect(try await scrape("Bearer \(apiToken)").0 == .notFound, "an API token is not the metrics token")
            #expect(try await scrape(metricsToken).0 == .notFound, "the token comes as `Bearer …`")
            let allowed = try await scrape("Bearer \(metricsToken)")
            #expect(allowed.0 == .ok)
            #expect(allowed.1.contains("ciid_checks_total"))
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    /// Every metric of the catalogue, and one that is not in it, made through swift-metrics as
    /// `ciid serve` makes them, come out with help text and conventional names: promtool accepts
    /// the whole output.
    @Test func everyMetricPassesPromtool() throws {
        let metrics = NodeMetrics()
        let factory = DescribedMetricsFactory(registry: metrics.registry)
        for (label, description) in MetricCatalog.descriptions {
            let dimensions = [("peer.name", "cms-vs")]
            if description.name.hasSuffix("_total") {
                factory.makeCounter(label: label, dimensions: dimensions).increment(by: 2)
            } else if description.name.hasSuffix("_seconds"), label.contains("duration") {
                factory.makeTimer(label: label, dimensions: dimensions).recordNanoseconds(Int64(3_000_000))
            } else {
                factory.makeRecorder(label: label, dimensions: dimensions, aggregate: false).record(Int64(4))
            }
        }
        factory.makeCounter(label: "some.new.thing", dimensions: []).increment(by: 1)
        factory.makeTimer(label: "some.new.wait", dimensions: []).recordNanoseconds(1000)
        factory.makeMeter(label: "some.new.level", dimensions: []).set(Int64(3))
        factory.makeRecorder(label: "some.new.sizes", dimensions: [], aggregate: true).record(Int64(7))
        metrics.checksAnswered.increment()
        var buffer: [UInt8] = []
        metrics.emit(into: &buffer)
        let text = String(decoding: buffer, as: UTF8.self)
        #expect(text.contains("# HELP http_server_request_duration_seconds "))
        #expect(text.contains("http_server_requests_total{peer_name=\"cms-vs\"} 2"))
        #expect(text.contains("some_new_thing_total 1"))
        #expect(text.contains("some_new_wait_seconds_count 1"))
        #expect(text.contains("process_resident_memory_bytes "))
        #expect(text.contains("process_start_time_seconds "))
        let checked = try Promtool.check(text)
        #expect(checked.status == 0, "promtool check metrics:\n\(checked.output)\n\(text)")
    }

    /// Every swift-metrics label in the sources has its name and help text in the catalogue.
    @Test func everySwiftMetricsLabelIsCatalogued() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources").path
        let pattern = try Regex(#"(Counter|Gauge|Timer|Meter|Recorder)\(label: "([^"]+)""#)
        var labels: Set<String> = []
        for case let file as String in FileManager.default.enumerator(atPath: sources)! where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: "\(sources)/\(file)", encoding: .utf8)
            for match in text.matches(of: pattern) { labels.insert(String(match.output[2].substring ?? "")) }
        }
        #expect(labels.contains("ciid_federation_answers_total"))
        for label in labels { #expect(MetricCatalog.descriptions[label] != nil, "\(label) is not in MetricCatalog") }
    }
}
