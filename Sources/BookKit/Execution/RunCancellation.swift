import BookWire

/// A request to stop one chapter's compile and run before they finish. `book serve` makes one per
/// run and sets it when the chapter's file is saved again with different code, or when the
/// preview stops. The runner stops the compiler or the program the way a time limit does (its
/// whole session is killed), the executor throws `RunCancelled`, and no result is stored.
public final class RunCancellation: Sendable {
    private let flag = Locked(false)

    public init() {}

    public func cancel() { flag.withLock { $0 = true } }

    public var isCancelled: Bool { flag.withLock { $0 } }
}

/// Thrown by `ChapterExecutor.execute` when its `RunCancellation` was set.
public struct RunCancelled: Error, Sendable, Equatable {
    public init() {}
}
