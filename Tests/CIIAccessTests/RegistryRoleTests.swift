import CIIAudit
import CIICore
import Foundation
import Testing

@testable import CIIAccess

/// The coordinator's accounts: the registry's roles exist there and only there, and a regional
/// coordinator always has a region.
struct RegistryRoleTests {
    @Test func theCoordinatorHasTheRegistryRoles() throws {
        let fixture = try AccessFixture(nodeRole: .coordinator)
        let bureau = try fixture.access.createAccount(
            email: "bureau@cii.test",
            name: "Bureau CII",
            language: .fr,
            role: .bureau,
            caseworker: nil,
            by: "cli"
        )
        #expect(bureau.account.role == .bureau && bureau.account.region == nil)
        let coordinator = try fixture.access.createAccount(
            email: "coord@cii.test",
            name: "Coordination Sion",
            language: .fr,
            role: .coordinator,
            caseworker: nil,
            region: " Sion ",
            collaborator: 12,
            by: "cli"
        )
        #expect(coordinator.account.region == .sion)
        #expect(coordinator.account.collaborator == 12)
        #expect(try fixture.access.account(coordinator.account.id).region == .sion)
        let created = fixture.audit.all.last { $0.kind == .accountCreated }
        #expect(created?.details.contains { $0.key == "region" && $0.value == "SIO" } == true)
        #expect(throws: AccessError.self) {
            try fixture.access.createAccount(
                email: "cw@cii.test",
                name: "Caseworker",
                language: .fr,
                role: .caseworker,
                caseworker: nil,
                by: "cli"
            )
        }
    }

    @Test func aDispositifNodeHasNoRegistryRoles() throws {
        let fixture = try AccessFixture()
        for role in [AccountRole.respondent, .coordinator, .bureau] {
            #expect(throws: AccessError.self) {
                try fixture.access.createAccount(
                    email: "\(role.rawValue)@orp.test",
                    name: "X",
                    language: .fr,
                    role: role,
                    caseworker: nil,
                    region: "sion",
                    by: "cli"
                )
            }
        }
        #expect(try fixture.access.accounts().isEmpty)
    }

    @Test func aRegionGoesWithTheRegionalCoordinatorRoleOnly() throws {
        let fixture = try AccessFixture(nodeRole: .coordinator)
        let refusals: [(AccountRole, String?)] = [(.coordinator, nil), (.coordinator, ""), (.coordinator, "lausanne"), (.respondent, "sion")]
        for (role, region) in refusals {
            #expect(throws: AccessError.self) {
                try fixture.access.createAccount(
                    email: "x@cii.test",
                    name: "X",
                    language: .de,
                    role: role,
                    caseworker: nil,
                    region: region,
                    by: "cli"
                )
            }
        }
        #expect(try fixture.access.accounts().isEmpty)
        let made = try fixture.access.createAccount(
            email: "r@cii.test",
            name: "Respondent",
            language: .de,
            role: .respondent,
            caseworker: nil,
            by: "cli"
        )
        #expect(throws: AccessError.self) { try fixture.access.update(made.account.id, role: .coordinator, by: "cli") }
        let moved = try fixture.access.update(made.account.id, role: .coordinator, region: "Oberwallis", by: "cli")
        #expect(moved.role == .coordinator && moved.region == .hautValais)
        let back = try fixture.access.update(made.account.id, role: .respondent, by: "cli")
        #expect(back.role == .respondent && back.region == nil)
        let linked = try fixture.access.update(made.account.id, collaborator: .some(7), by: "cli")
        #expect(linked.collaborator == 7)
        #expect(try fixture.access.update(made.account.id, collaborator: .some(nil), by: "cli").collaborator == nil)
    }
}
