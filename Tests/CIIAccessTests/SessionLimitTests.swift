import CIIAudit
import CIICore
import Foundation
import Testing

@testable import CIIAccess

/// The session limits: each request moves the idle limit on (a session stays open while the
/// person works), the absolute limit ends it whatever happens, and the idle default depends on
/// the node: 30 minutes on a dispositif node, a working day (600) on the coordinator.
@Suite struct SessionLimitTests {
    /// Logs a new bureau (coordinator) or caseworker (dispositif) account in; returns the session cookie's secret.
    func logIn(_ fixture: AccessFixture, email: String) async throws -> String {
        let role: AccountRole = fixture.access.nodeRole == .coordinator ? .bureau : .caseworker
        let created = try fixture.access.createAccount(email: email, name: "Agnès Roh", language: .fr, role: role, caseworker: nil, by: "cli")
        guard
            case .pending(let pending) = try await fixture.access.beginLogin(email: email, password: created.oneTimePassword, client: "x"),
            case .session(let opened) = try await fixture.access.completeLogin(
                pending: pending.token,
                code: fixture.lastCode(to: email) ?? "",
                client: "x"
            )
        else { throw AccessError(.storage, "login failed") }
        return opened.token
    }

    @Test func theIdleDefaultIsAWorkingDayOnTheCoordinatorAndHalfAnHourOnADispositifNode() {
        var settings = AccessSettings()
        #expect(settings.idleMinutes(on: .coordinator) == 600)
        #expect(settings.idleMinutes(on: .dispositif) == 30)
        #expect(settings.sessionAbsoluteHours == 10)
        settings.sessionIdleMinutes = 45
        #expect(settings.idleMinutes(on: .coordinator) == 45 && settings.idleMinutes(on: .dispositif) == 45)
    }

    @Test func onTheCoordinatorALongPauseKeepsTheSessionAndTheWorkingDayEndsIt() async throws {
        let fixture = try AccessFixture(nodeRole: .coordinator)
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let token = try await logIn(fixture, email: "bureau@cii.test")
        fixture.clock.advance(5 * 3600)  // a morning of meetings and lunch without a request
        #expect(try fixture.access.session(token: token) != nil)
        fixture.clock.advance(4 * 3600 + 50 * 60)  // lunch and an afternoon of phone calls: 9 h 50 min after login
        #expect(try fixture.access.session(token: token) != nil)
        fixture.clock.advance(11 * 60)  // 10 h 1 min after login, 11 min after the last request
        #expect(try fixture.access.session(token: token) == nil)
        #expect(fixture.audit.all.contains { $0.kind == .sessionExpired && $0.details.contains { $0.key == "reason" && $0.value == "absolute" } })

        let idle = try await logIn(fixture, email: "bureau2@cii.test")
        fixture.clock.advance(601 * 60)  // more than a working day without a request
        #expect(try fixture.access.session(token: idle) == nil)
    }

    @Test func everyRequestMovesTheIdleLimitOn() async throws {
        var settings = AccessSettings()
        settings.sessionIdleMinutes = 20
        settings.sessionAbsoluteHours = 3
        let fixture = try AccessFixture(settings: settings, nodeRole: .coordinator)
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let token = try await logIn(fixture, email: "resp@cii.test")
        // A request every 15 minutes for 2 h 45: far beyond 20 idle minutes in all, never 20 at once.
        for _ in 0..<11 {
            fixture.clock.advance(15 * 60)
            #expect(try fixture.access.session(token: token) != nil)
        }
        fixture.clock.advance(21 * 60)  // 21 minutes without a request
        #expect(try fixture.access.session(token: token) == nil)
        #expect(fixture.audit.all.contains { $0.kind == .sessionExpired && $0.details.contains { $0.key == "reason" && $0.value == "idle" } })
    }

    @Test func theIdleLimitIsReadAsMinutesOrAuto() throws {
        let head = "[node]\nrole = coordinator\nid = cii\n[access]\n"
        #expect(try NodeConfiguration(parsing: head + "session_idle_minutes = auto", file: "c").access.sessionIdleMinutes == nil)
        #expect(try NodeConfiguration(parsing: head + "session_idle_minutes = 45", file: "c").access.sessionIdleMinutes == 45)
        #expect(try NodeConfiguration(parsing: head, file: "c").access.idleMinutes(on: .coordinator) == 600)
        #expect(throws: ConfigError.self) { try NodeConfiguration(parsing: head + "session_idle_minutes = 0", file: "c") }
        #expect(throws: ConfigError.self) { try NodeConfiguration(parsing: head + "session_idle_minutes = forever", file: "c") }
        let rendered = try NodeConfiguration(parsing: head, file: "c").rendered(heading: "t")
        #expect(rendered.contains("session_idle_minutes = auto"))
    }
}
