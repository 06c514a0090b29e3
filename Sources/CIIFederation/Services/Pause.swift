import ServiceLifecycle

/// Sleeps for `duration`, waking early when the service group shuts down, so that SIGTERM stops
/// a node at once even while a service waits for minutes.
func pause(_ duration: Duration) async {
    _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
}
