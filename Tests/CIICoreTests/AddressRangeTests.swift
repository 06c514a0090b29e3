import CIICore
import Testing

@Suite struct AddressRangeTests {
    @Test func rangesMatchTheirAddressesInBothFamilies() throws {
        let tenEight = try AddressRange(parsing: "10.0.0.0/8")
        #expect(tenEight.contains("10.1.2.3"))
        #expect(!tenEight.contains("11.0.0.1"))
        #expect(tenEight.contains("::ffff:10.9.9.9"), "an IPv4 client seen by a dual-stack listener")
        #expect(!tenEight.contains("::1"))
        let v6 = try AddressRange(parsing: "2001:db8::/32")
        #expect(v6.contains("2001:db8:1::7"))
        #expect(!v6.contains("2001:db9::1"))
        #expect(!v6.contains("10.1.2.3"))
        let single = try AddressRange(parsing: "[::1]")
        #expect(single.contains("::1") && !single.contains("::2"))
        #expect(try AddressRange(parsing: "192.0.2.7").contains("192.0.2.7"))
        #expect(!(try AddressRange(parsing: "192.0.2.7")).contains("192.0.2.8"))
        #expect(try AddressRange(parsing: "192.0.2.77/25").description == "192.0.2.0/25")
        #expect(try AddressRange(parsing: "0.0.0.0/0").contains("203.0.113.9"))
        #expect(!tenEight.contains("unknown"))
    }

    @Test func loopbackIsTheDefaultOfMetricsAllow() throws {
        #expect(AddressRange.loopback.contains { $0.contains("127.0.0.1") })
        #expect(AddressRange.loopback.contains { $0.contains("127.8.9.10") })
        #expect(AddressRange.loopback.contains { $0.contains("::1") })
        #expect(AddressRange.loopback.contains { $0.contains("::ffff:127.0.0.1") })
        #expect(!AddressRange.loopback.contains { $0.contains("192.0.2.1") })
        let parsed = try NodeConfiguration(parsing: "[node]\nrole = coordinator\nid = cii", file: "c")
        #expect(parsed.metrics.allow == AddressRange.loopback)
        #expect(parsed.metrics.tokenFile == nil)
    }

    @Test func theMetricsSectionReadsAndWritesBack() throws {
        let text = "[node]\nrole = coordinator\nid = cii\n[metrics]\nallow = 192.0.2.0/24, 2001:db8::1 , 10.0.0.1\ntoken_file = keys/metrics.token"
        let parsed = try NodeConfiguration(parsing: text, file: "c")
        #expect(parsed.metrics.allow.map(\.description) == ["192.0.2.0/24", "2001:db8::1", "10.0.0.1"])
        #expect(parsed.metrics.tokenFile == "keys/metrics.token")
        let again = try NodeConfiguration(parsing: parsed.rendered(createdOn: Day(year: 2026, month: 12, day: 2)!), file: "c")
        #expect(again.metrics == parsed.metrics)
        let none = try NodeConfiguration(parsing: "[node]\nrole = coordinator\nid = cii\n[metrics]\nallow = none", file: "c")
        #expect(none.metrics.allow.isEmpty)
        #expect(none.rendered(createdOn: Day(year: 2026, month: 12, day: 2)!).contains("\nallow = none\n"))
    }

    @Test(arguments: ["10.0.0.0/33", "10.0.0", "localhost", "::1/129", "10.0.0.0/x", "1.2.3.4, bad"])
    func aBadEntryNamesTheLineAndWhatIsExpected(_ entry: String) {
        do {
            _ = try NodeConfiguration(parsing: "[node]\nrole = coordinator\nid = cii\n[metrics]\nallow = \(entry)", file: "ciid.conf")
            Issue.record("accepted \(entry)")
        } catch {
            #expect(error.line == 5)
            #expect(error.description.contains("metrics.allow"), "\(error)")
            #expect(error.description.contains("10.0.0.0/8"), "\(error)")
        }
    }
}
