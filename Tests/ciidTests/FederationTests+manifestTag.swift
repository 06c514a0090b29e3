import CIICore
import CIIFederation
import CIIStore
import Curl
import Foundation
import Testing

/// Issue 15's growth figures: every member fetched the whole manifest every 2 seconds (about
/// 10 MB/s from the coordinator at 156 nodes). A member now names the manifest it holds and gets
/// a `304` without a body while it is current, and still picks up a new one at once.
extension FederationTests {
    @Test func membersFetchTheManifestOnlyWhenItChanged() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        try federation.startAll()
        let url = "\(try federation.url("cii-vs"))/federation/manifest"
        let full = try Curl.perform(HTTPRequest(url: url, caFile: try federation.caFile("orp-vs")))
        #expect(full.status == 200 && !full.body.isEmpty)
        let tag = ManifestTag.of(full.body)
        let same = try Curl.perform(HTTPRequest(url: url, headers: [("If-None-Match", tag)], caFile: try federation.caFile("orp-vs")))
        #expect(same.status == 304 && same.body.isEmpty)
        let other = try Curl.perform(HTTPRequest(url: url, headers: [("If-None-Match", "\"00\"")], caFile: try federation.caFile("orp-vs")))
        #expect(other.status == 200 && other.body == full.body)

        // CMS's fetcher: a full fetch at start, then 304s (every 2 s).
        func fetches(_ answer: String) throws -> Int {
            let text = try Curl.perform(HTTPRequest(url: "\(try federation.url("cms-vs"))/metrics", caFile: try federation.caFile("cms-vs"))).text
            let prefix = "ciid_federation_manifest_fetches_total{answer=\"\(answer)\"} "
            return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
        }
        #expect(try federation.eventually(within: 30) { try fetches("not_modified") >= 2 }, "CMS never fetched the manifest conditionally")
        let fullBefore = try fetches("full")

        // The coordinator admits OAI: a new manifest, which CMS takes at its next fetch.
        let request = try federation.prepare(.oai)
        _ = try federation.ciid(
            "federation",
            "admit",
            "--data-dir",
            try federation.folder("cii-vs"),
            request,
            "--output",
            federation.folder + "/oai.admission"
        )
        let oai = try NodeID("oai-vs")
        #expect(
            try federation.eventually(within: 30) {
                try FederationState.load(directory: NodeDirectory(root: federation.folder("cms-vs")), node: NodeID("cms-vs"))?.manifest?.member(oai)
                    != nil
            },
            "CMS did not take the manifest that admits OAI"
        )
        #expect(try fetches("full") > fullBefore)
    }
}
