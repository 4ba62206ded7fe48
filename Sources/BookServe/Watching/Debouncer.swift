import BookWire
import Foundation

/// Gathers a burst of change events into one batch. An editor's save is several events within
/// milliseconds (write a temporary file, rename it, delete the backup), and a `git checkout`
/// touches many files: the batch goes out once no event came for `quiet` seconds, and at the
/// latest `longest` seconds after its first event, so a steady stream of writes cannot hold
/// back the preview forever.
final class Debouncer: Sendable {
    private struct State {
        var pending: Set<String> = []
        var first: Date?
        var last: Date?
        var scheduled = false
    }

    private let quiet: TimeInterval
    private let longest: TimeInterval
    private let queue: DispatchQueue
    private let fire: @Sendable (Set<String>) -> Void
    private let state = Locked(State())

    /// - Parameter fire: called on `queue` with the batch.
    init(quiet: TimeInterval, longest: TimeInterval, queue: DispatchQueue, fire: @escaping @Sendable (Set<String>) -> Void) {
        self.quiet = quiet
        self.longest = longest
        self.queue = queue
        self.fire = fire
    }

    func add(_ items: [String]) {
        let now = Date()
        let schedule: Bool = state.withLock { state in
            state.pending.formUnion(items)
            state.last = now
            if state.first == nil { state.first = now }
            defer { state.scheduled = true }
            return !state.scheduled
        }
        if schedule { queue.asyncAfter(deadline: .now() + quiet) { self.check() } }
    }

    private func check() {
        let now = Date()
        let (batch, wait): (Set<String>?, TimeInterval) = state.withLock { state in
            guard let first = state.first, let last = state.last else { state.scheduled = false; return (nil, 0) }
            let untilQuiet = quiet - now.timeIntervalSince(last)
            let untilLongest = longest - now.timeIntervalSince(first)
            if untilQuiet > 0 && untilLongest > 0 { return (nil, min(untilQuiet, untilLongest)) }
            defer { state = State() }
            return (state.pending, 0)
        }
        if let batch { fire(batch) } else if wait > 0 { queue.asyncAfter(deadline: .now() + wait) { self.check() } }
    }
}
