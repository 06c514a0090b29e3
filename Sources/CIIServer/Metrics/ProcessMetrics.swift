/// The usual `process_*` metrics of the running node, read from `/proc` when `/metrics` is
/// scraped (Linux; elsewhere ``read()`` gives nil and they are left out).
struct ProcessMetrics: Sendable {
    /// User and system CPU time spent, in seconds.
    var cpuSeconds: Double
    /// Resident memory, in bytes.
    var residentBytes: Double
    /// Virtual memory, in bytes.
    var virtualBytes: Double
    /// Open file descriptors.
    var openFileDescriptors: Double
    /// The soft limit of open file descriptors (nil when unlimited).
    var maximumFileDescriptors: Double?
    /// When the process started, in seconds since the Unix epoch.
    var startTimeSeconds: Double

    /// Appends the metrics in Prometheus text format, each with its help and type.
    func emit(into buffer: inout [UInt8]) {
        func family(_ name: String, _ type: String, _ help: String, _ value: Double?) {
            guard let value else { return }
            buffer.append(contentsOf: "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(Self.text(value))\n".utf8)
        }
        family("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.", cpuSeconds)
        family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", residentBytes)
        family("process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.", virtualBytes)
        family("process_open_fds", "gauge", "Number of open file descriptors.", openFileDescriptors)
        family("process_max_fds", "gauge", "Maximum number of open file descriptors.", maximumFileDescriptors)
        family("process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.", startTimeSeconds)
    }

    /// A whole number without a fraction, others as Swift writes them (Prometheus reads both).
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
