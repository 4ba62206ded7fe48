import Foundation

/// A value guarded by a lock, for state shared between threads: records emitted from the engine's
/// worker threads (BookRuntime), results gathered by the pipeline's chapter workers (BookKit).
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock(); defer { lock.unlock() }
        return try body(&value)
    }
}
