public import CIIAccess
public import CIICore
public import CIIFederation
public import CIIRegistry
public import CIIReport
public import CIIStore
public import Hummingbird
import HummingbirdCore
import HummingbirdTLS
public import Logging
import NIOCore
public import NIOSSL

/// Builds the HTTPS application of a node: routes, TLS, metrics.
public struct NodeServer: Sendable {
    /// The node's settings.
    public let configuration: NodeConfiguration
    /// Answers checks.
    public let checker: AlertChecker
    /// The node's metrics.
    public let metrics: NodeMetrics
    /// Who may read `GET /metrics`: by default the addresses of `metrics.allow` and no token
    /// (`ciid serve` adds the token of `metrics.token_file`).
    public var metricsAccess: MetricsAccess
    /// Accounts, sessions, tokens, limits and the audit log.
    public let access: AccessControl
    /// The overlap alerts of each account.
    public let inbox: AlertInbox
    /// Today's date (injectable for tests).
    public let today: @Sendable () -> Day
    /// Whether to serve the bare benchmark route `POST /bench/echo`.
    public var benchRoute = false
    /// The federation's public routes (the manifest on the coordinator), once the node has joined.
    public var manifest: ManifestController?
    /// The coordinator's respondent directory as this dispositif node holds it (nil before it
    /// joins): check answers name whom to contact at each dispositif that knows the person.
    public var respondents: RespondentBook?
    /// The MX-CII registry (coordinator only): its JSON API is served under `/api/v1/registry/`.
    public var registry: RegistryService?
    /// Called after the registry's collaborator directory changed through the API (the
    /// coordinator signs its respondent directory anew).
    public var registryDirectoryChanged: (@Sendable () async -> Void)?
    /// The registry's document vault (coordinator only); without it uploads and downloads answer 503.
    public var documents: DocumentVault?
    /// The registry's e-mail to the bureau (`registry.bureau_email`); nil sends none.
    public var bureauMail: BureauMail?
    /// The annual report (coordinator only): the bureau's page `/registry/report`.
    public var annualReporter: AnnualReporter?
    /// The coordinator's SwissID login (`[swissid]`): the login page offers it and
    /// `/login/swissid` and its callback are served; nil without it.
    public var swissID: SwissIDClient?
    /// The handshake and idle timeouts and the per-address cap of the node's listeners, from
    /// `[server]`; one value, so a second listener given it counts a client's connections with the first.
    public var connectionGuard: ConnectionGuard

    /// Creates the server description.
    public init(
        configuration: NodeConfiguration,
        checker: AlertChecker,
        metrics: NodeMetrics,
        access: AccessControl,
        inbox: AlertInbox,
        today: @escaping @Sendable () -> Day = { Day.today() }
    ) {
        self.configuration = configuration
        self.checker = checker
        self.metrics = metrics
        self.access = access
        self.inbox = inbox
        self.today = today
        self.connectionGuard = ConnectionGuard(configuration.connections)
        self.metricsAccess = MetricsAccess(allow: configuration.metrics.allow)
    }

    /// The router with every route of the node.
    public func makeRouter() -> Router<NodeRequestContext> {
        let router = Router(context: NodeRequestContext.self)
        router.add(middleware: MetricsMiddleware())
        StatusController(node: configuration.id, role: configuration.role).addRoutes(to: router)
        MetricsController(metrics: metrics, access: metricsAccess).addRoutes(to: router)
        if configuration.role == .dispositif {
            CheckController(checker: checker, metrics: metrics, access: access, today: today, respondents: respondents).addRoutes(to: router)
        }
        if configuration.role == .coordinator, let registry {
            var controller = RegistryController(service: registry, access: access, today: today)
            controller.directoryChanged = registryDirectoryChanged
            controller.documents = documents
            controller.documentLimit = configuration.registry.documentMaxBytes
            controller.bureauMail = bureauMail
            controller.addRoutes(to: router)
        }
        addPages(to: router)
        if benchRoute { EchoController().addRoutes(to: router) }
        manifest?.addRoutes(to: router)
        if configuration.role == .coordinator, registry != nil {
            // Last: it wraps only the router's not-found answer (unknown path or method under the registry's API).
            router.add(middleware: RegistryFallbackMiddleware(routes: router.routes.map { ($0.method, $0.path.description) }))
        }
        return router
    }

    /// The application, serving HTTPS with `tls` behind ``connectionGuard`` (see ``GuardedTLSChannel``),
    /// or plain HTTP when `tls` is nil, for in-process tests. Either way HTTP/1 closes a connection
    /// idle between requests after `server.idle_timeout_seconds`.
    /// - Parameters:
    ///   - tls: the TLS configuration (hardened: TLS 1.2 at least, ``ServerTLS/tls12CipherSuites``).
    ///   - port: overrides the configured port (0 picks a free one).
    ///   - onServerRunning: called with the bound port once the server listens.
    public func makeApplication(
        tls: TLSConfiguration?,
        port: Int? = nil,
        logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        Application(
            router: makeRouter(),
            server: try serverBuilder(tls: tls),
            configuration: .init(address: .hostname(configuration.listenHost, port: port ?? configuration.listenPort), serverName: "ciid"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// HTTP/1 with the configured idle timeout, over TLS behind ``connectionGuard`` when `tls` is given.
    func serverBuilder(tls: TLSConfiguration?) throws -> HTTPServerBuilder {
        let http1 = HTTP1Channel.Configuration(idleTimeout: .seconds(Int64(configuration.connections.idleTimeoutSeconds)))
        guard let tls else { return .http1(configuration: http1) }
        return try .guardedTLS(http1: http1, configuration: TLSChannelConfiguration(tlsConfiguration: tls), guard: connectionGuard)
    }

    /// The pages, behind the session authenticator and the security headers: login, account and
    /// admin pages on every node; the check and alerts on dispositif nodes only.
    func addPages(to router: Router<NodeRequestContext>) {
        let name = configuration.dispositif.map { "\($0.rawValue) · \(configuration.id.rawValue)" } ?? configuration.id.rawValue
        var pages = Pages(
            access: access,
            inbox: inbox,
            checker: checker,
            renderer: PageRenderer(nodeName: name, nodeRole: configuration.role),
            metrics: metrics,
            today: today,
            respondents: respondents
        )
        pages.offersSwissID = configuration.role == .coordinator && swissID != nil
        // Who may call each route is decided here, on its group, before any handler runs and before
        // a form is read.
        let anyone = router.group()
            .add(middleware: SecurityHeadersMiddleware())
            .add(middleware: SessionAuthenticator(access: access))
        let forms = CheckedFormMiddleware(pages: pages)
        let anonymous = anyone.group().add(middleware: forms)
        let passwordChange = anyone.group().add(middleware: SignedInMiddleware(allowPendingPassword: true)).add(middleware: forms)
        let signedIn = anyone.group().add(middleware: SignedInMiddleware(allowPendingPassword: false)).add(middleware: forms)
        let admins = anyone.group()
            .add(middleware: SignedInMiddleware(allowPendingPassword: false))
            .add(middleware: RoleMiddleware(role: .admin, pages: pages))
            .add(middleware: forms)
        StaticController().addRoutes(to: anonymous)
        LoginController(pages: pages).addRoutes(to: anonymous)
        if configuration.role == .coordinator, let swissID { SwissIDController(pages: pages, client: swissID).addRoutes(to: anonymous) }
        LanguageController(pages: pages).addRoutes(to: anonymous)
        if configuration.role == .dispositif {
            CheckPageController(pages: pages).addRoutes(to: signedIn)
            AlertsController(pages: pages).addRoutes(to: signedIn)
        }
        AccountController(pages: pages).addRoutes(to: signedIn, passwordChange: passwordChange)
        AdminController(pages: pages).addRoutes(to: admins)
        if configuration.role == .coordinator, let registry {
            addRegistryPages(to: anyone, forms: forms, pages: pages, registry: registry)
        }
    }
}
