/// The one interface through which the registry's domain reaches its storage.
///
/// A change is made inside ``transaction(_:)``: the case, its history entries, its new ETag and
/// any bureau notice are written together, or nothing is (when `body` throws). Transactions of
/// one store run one after the other. ``read(_:)`` sees committed data only.
///
/// Backends seal what must be sealed at rest (the AVS number, the situation, the logbook, sealed
/// history values, notices' reasons) under the ``RegistryKey`` they are given.
public protocol RegistryStore: Sendable {
    /// Runs `body` with read access.
    func read<T: Sendable>(_ body: (any RegistryReading) async throws -> T) async throws -> T
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// `body` must not start another transaction of the same store (it would wait for itself),
    /// nor wait on anything slow: other transactions wait for it.
    func transaction<T: Sendable>(_ body: (any RegistryTransaction) async throws -> T) async throws -> T
}
