/// The no-grad scope: inside it, operations do not record a graph (inference, optimizer updates).
///
/// Like `torch.no_grad()`. Scopes nest; the engine assumes graph building happens on one thread.
public enum NoGrad {
    nonisolated(unsafe) private static var depth = 0

    /// True inside a `noGrad { }` scope (graph recording is switched off).
    public static var isEnabled: Bool { depth > 0 }

    /// True when operations record the graph (outside every no-grad scope).
    public static var isRecording: Bool { depth == 0 }

    static func enter() { depth += 1 }
    static func exit() { depth -= 1 }
}

/// Runs `body` without recording a graph and returns its result.
public func noGrad<T>(_ body: () throws -> T) rethrows -> T {
    NoGrad.enter()
    defer { NoGrad.exit() }
    return try body()
}

/// Same as ``noGrad(_:)``.
public func withNoGrad<T>(_ body: () throws -> T) rethrows -> T {
    try noGrad(body)
}
