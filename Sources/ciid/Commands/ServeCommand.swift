import ArgumentParser
import CIIAccess
import CIIAudit
import CIICore
import CIIFederation
import CIIRegistry
import CIIReport
import CIIServer
import CIIStore
import Foundation
import Logging
import Metrics
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `ciid serve`: runs the node's services until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the node: HTTPS server (checks, /healthz, /metrics) until SIGTERM or SIGINT."
    )

    @OptionGroup var node: NodeOptions

    @Option(help: "Listen on this port instead of the configured one (0 picks a free port).")
    var port: Int?

    @Option(help: "Listen for members on this port instead of the configured federation port (0 picks a free port).")
    var federationPort: Int?

    @Option(
        help: "Write the port the server listens on to this file once it listens, and the federation port to FILE.federation (for scripts and tests)."
    )
    var portFile: String?

    @Flag(help: .hidden) var benchRoute = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level is one of trace, debug, info, notice, warning, error, critical")
        }
        let (directory, configuration) = try node.load()
        let portFile = self.portFile
        // A file size limit (RLIMIT_FSIZE) then makes a write fail with EFBIG, which the audit
        // writer reports, instead of killing the node.
        signal(SIGXFSZ, SIG_IGN)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            handler.metadata = ["node": "\(configuration.id)"]
            return handler
        }
        let logger = Logger(label: "ciid")
        let metrics = NodeMetrics()
        MetricsSystem.bootstrap(DescribedMetricsFactory(registry: metrics.registry))

        let store = try NodeStore(path: directory.database)
        // Checks read the replica and the own set in memory; batches are applied on a thread of
        // their own, which also picks up imports run beside the node (every 250 ms).
        do {
            let load = try store.loadReplicaIndex()
            logger.info(
                "in-memory index: \(load.entries) replica entries, \(load.ownFollowUps) own follow-ups, \(load.bytes / 1_000_000) MB, built in \(String(format: "%.2f", load.seconds)) s"
            )
        } catch {
            logger.warning("checks read the database instead of an in-memory index: \(error)")
        }
        let writer = StoreWriter { [store, logger] in
            do {
                try store.refreshReplicaIndex()
            } catch {
                logger.warning("cannot refresh the in-memory index after an import: \(error)")
            }
        }
        let federation = try FederationState.load(directory: directory, node: configuration.id)
        let keys = try federation?.keyRing ?? KeyRing(node.federationKeys(directory))
        let checker = AlertChecker(node: configuration.id, keys: keys, window: configuration.window, reader: ReplicaReader(store: store))
        let tls = try ServerTLS.configuration(
            certificate: directory.resolve(configuration.tlsCertificate),
            key: directory.resolve(configuration.tlsKey)
        )
        let queueLimit = configuration.access.auditQueueLimit
        let auditWriter = AuditWriter(
            log: try NodeAccess.auditLog(directory, configuration),
            queueLimit: queueLimit,
            observer: AuditMetrics(registry: metrics.registry, queueLimit: queueLimit),
            logger: logger
        )
        let access = try NodeAccess.control(directory, configuration, audit: auditWriter, mailer: try NodeAccess.mailer(directory, configuration))
        let inbox = AlertInbox(node: store, access: access)
        var server = NodeServer(configuration: configuration, checker: checker, metrics: metrics, access: access, inbox: inbox)
        server.benchRoute = benchRoute
        var services: [any Service] = []
        var registryService: RegistryService?
        if configuration.role == .coordinator {
            // The MX-CII registry: its key (made on first start, 0600), its own database, its
            // documents, and the daily retention sweep.
            var registry = try NodeRegistry.service(directory)
            // "Known elsewhere": the coordinator holds every epoch's fingerprint key (it makes them)
            // and a replica of the members' sets, so it checks as a dispositif does.
            registry.knownElsewhereLookup = ReplicaKnownElsewhere(checker: checker, logger: logger)
            let vault = try NodeRegistry.vault(directory)
            server.registry = registry
            server.documents = vault
            registryService = registry
            services.append(
                RegistryRetention(
                    service: registry,
                    vault: vault,
                    audit: auditWriter,
                    years: configuration.registry.retentionYears,
                    logger: logger
                )
            )
            // The bureau's e-mail: a mail per cancellation, and the weekly digest of powers of attorney.
            if let bureauMail = NodeRegistry.bureauMail(configuration, mailer: access.mailer, logger: logger) {
                server.bureauMail = bureauMail
                services.append(
                    RegistryDigest(
                        service: registry,
                        mail: bureauMail,
                        schedule: DigestSchedule(weekday: configuration.registry.digestWeekday),
                        stateFile: RegistryDigest.stateFile(directory),
                        audit: auditWriter,
                        logger: logger
                    )
                )
            }
            // The annual report: the bureau's page, and last year's figures kept in the new year.
            let reporter = AnnualReporter(store: registry.store, replica: store)
            server.annualReporter = reporter
            services.append(AnnualSnapshots(reporter: reporter, logger: logger))
            logger.info("registry API at /api/v1/registry/ (DATA/registry.sqlite)")
            if let swissID = try NodeAccess.swissID(directory, configuration) {
                server.swissID = swissID
                logger.info("SwissID login at /login/swissid (issuer \(configuration.swissID?.issuer ?? ""))")
            }
        }
        let metricsToken = try NodeAccess.metricsToken(directory, configuration)
        server.metricsAccess = MetricsAccess(allow: configuration.metrics.allow, token: metricsToken)
        let allowed = configuration.metrics.allow.map(\.description).joined(separator: ", ")
        switch (allowed.isEmpty, metricsToken == nil) {
        case (true, true): logger.warning("/metrics answers nobody: metrics.allow is none and no metrics.token_file is set")
        case (true, false): logger.info("/metrics answers requests with the token of metrics.token_file")
        case (false, true): logger.info("/metrics answers \(allowed) (metrics.allow)")
        case (false, false): logger.info("/metrics answers \(allowed) (metrics.allow), and requests with the token of metrics.token_file")
        }
        // Every node has logins now (the coordinator for the registry's roles): unused accounts expire
        // on both; digests go only where alerts wait, on dispositif nodes.
        services.append(AccessMaintenance(access: access, inbox: inbox))
        if configuration.mail == nil {
            logger.warning("no [mail] relay in ciid.conf: logins by e-mailed code will fail until one is set")
        }
        var finite: [any Service] = []  // services that finish early without ending the node
        if let federation {
            let manifestPath = configuration.role == .coordinator ? Coordinator(directory: directory, configuration: configuration).manifestPath : nil
            let timings = configuration.federation
            server.manifest = ManifestController(manifestPath: manifestPath)
            let client = FederationClient(
                state: federation,
                certificate: (directory.resolve(configuration.tlsCertificate), directory.resolve(configuration.tlsKey))
            )
            var controller = FederationController(
                receiver: BatchReceiver(state: federation, store: store, writer: writer),
                window: configuration.window
            )
            if configuration.role == .coordinator, let registryService {
                // The CII respondents of the registry's directory (or, while it has none, the bureau's
                // former file), signed and served to members on the federation port; signed anew at
                // once when the directory changes through the API, else at the next member's fetch.
                let publication = RespondentPublication(
                    coordinator: Coordinator(directory: directory, configuration: configuration),
                    source: RegistryRespondentSource(registry: registryService, fallback: RespondentFile(path: RespondentFile.path(of: directory)))
                )
                controller.respondents = publication
                server.registryDirectoryChanged = { _ = try? await publication.json(logger: logger) }
            } else if let book = RespondentBook.load(directory: directory) {
                server.respondents = book
                services.append(
                    RespondentFetcher(client: client, book: book, interval: .seconds(timings.respondentsSeconds), logger: logger)
                )
            }
            let members = FederationServer(
                controller: controller,
                drift: .seconds(timings.clockDriftSeconds),
                host: configuration.federationListenHost,
                port: configuration.federationListenPort
            )
            let federationPort = self.federationPort
            services.append(
                try members.makeApplication(
                    tls: tls,
                    guard: server.connectionGuard,
                    idleTimeout: .seconds(configuration.connections.idleTimeoutSeconds),
                    port: federationPort,
                    logger: logger
                ) { bound in
                    logger.info("members-only federation port listening on \(bound)")
                    if let portFile { try? Data("\(bound)\n".utf8).write(to: URL(fileURLWithPath: portFile + ".federation"), options: .atomic) }
                }
            )
            services.append(ManifestFetcher(state: federation, store: store, writer: writer, logger: logger))
            finite.append(CatchUp(client: client, store: store, writer: writer, logger: logger))
            services.append(Publisher(client: client, store: store, heartbeatInterval: .seconds(timings.heartbeatSeconds), logger: logger))
            services.append(
                DigestChecker(
                    client: client,
                    store: store,
                    writer: writer,
                    window: configuration.window,
                    interval: .seconds(timings.digestIntervalSeconds),
                    logger: logger
                )
            )
            services.append(
                Maintenance(
                    store: store,
                    writer: writer,
                    window: configuration.window,
                    tombstoneDays: timings.tombstoneDays,
                    interval: .seconds(timings.maintenanceIntervalSeconds),
                    logger: logger
                )
            )
        }
        if federation != nil, configuration.role == .coordinator {
            // Membership: the coordinator signs the manifest again before it expires.
            services.append(ManifestRenewer(coordinator: Coordinator(directory: directory, configuration: configuration), logger: logger))
        }
        let host = configuration.listenHost
        let application = try server.makeApplication(tls: tls, port: port, logger: logger) { bound in
            logger.info("listening on https://\(host.contains(":") ? "[\(host)]" : host):\(bound)")
            if let portFile { try? Data("\(bound)\n".utf8).write(to: URL(fileURLWithPath: portFile), options: .atomic) }
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [ServiceGroupConfiguration.ServiceConfiguration(service: auditWriter)]
                    + ([application] + services).map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
                    + finite.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0, successTerminationBehavior: .ignore) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        do {
            try await group.run()
            await writer.shutdown()  // the batches handed over are applied before the node stops
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            await writer.shutdown()
            let ports = [port ?? configuration.listenPort] + (federation == nil ? [] : [federationPort ?? configuration.federationListenPort])
            throw CLIError(
                "cannot listen: another process already holds port \(ports.map(String.init).joined(separator: " or ")) on \(host): stop it, or change `listen` (and `federation_listen`) in ciid.conf"
            )
        }
        logger.info("stopped")
    }
}
