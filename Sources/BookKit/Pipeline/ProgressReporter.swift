import Foundation

/// Prints what each chapter is doing to standard error as it happens, one line per event:
/// `[3/6] 05-initialization  compiling...`, `... running block 4/12`, `... epoch 7/20`,
/// `... done 3.2 s`. Chapters run in parallel, so each line names its chapter; training progress
/// is throttled to a few lines per second per chapter.
///
/// `onEvent` sees every event unthrottled, by chapter slug (`book serve` shows them in the page).
public final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let enabled: Bool
    private let onEvent: (@Sendable (_ slug: String, _ event: ChapterEvent) -> Void)?
    private var lastProgress: [String: Date] = [:]

    public init(total: Int, enabled: Bool = true, onEvent: (@Sendable (_ slug: String, _ event: ChapterEvent) -> Void)? = nil) {
        self.total = total
        self.enabled = enabled
        self.onEvent = onEvent
    }

    public func report(_ position: Int, _ slug: String, _ event: ChapterEvent) {
        onEvent?(slug, event)
        let text: String
        switch event {
        case .compiling: text = "compiling..."
        case .running(_, let current, let count): text = "running block \(current)/\(count)"
        case .probing(let block): text = "checking expected error of block \(block)"
        case .progress(let step, let count, let label):
            let now = Date()
            let throttled: Bool = lock.withLock {
                if step < count, let last = lastProgress[slug], now.timeIntervalSince(last) < 0.5 { return true }
                lastProgress[slug] = now
                return false
            }
            if throttled { return }
            text = "... \(label) \(step)/\(count)"
        }
        line(position, slug, text)
    }

    public func line(_ position: Int, _ slug: String, _ text: String) {
        guard enabled else { return }
        let prefix = total > 0 ? "[\(position)/\(total)] " : ""
        let message = prefix + slug + "  " + text + "\n"
        lock.withLock { FileHandle.standardError.write(Data(message.utf8)) }
    }

    /// A message without a chapter (warnings, the summary).
    public func message(_ text: String) {
        guard enabled else { return }
        lock.withLock { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    }
}
