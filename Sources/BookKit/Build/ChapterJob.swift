import Foundation

/// One chapter's trip through stage 2: take its result from the cache, or compile and run it
/// and store the result. `runAll` runs jobs on `parallelism` worker threads.
struct ChapterJob: Sendable {
    struct Outcome: Sendable {
        var slug: String
        var result: ExecutionResult
        var cached: Bool
    }

    var position: Int
    var chapter: ParsedChapter
    var key: String
    var force: Bool

    func run(cache: ChapterCache, reporter: ProgressReporter, executor: ChapterExecutor) -> Outcome {
        let slug = chapter.slug
        if !force, case .hit(let result) = cache.lookup(slug: slug, key: key) {
            reporter.line(position, slug, "cached")
            return Outcome(slug: slug, result: result, cached: true)
        }
        let start = Date()
        var result: ExecutionResult
        do {
            result = try executor.execute(chapter) { reporter.report(position, slug, $0) }
        } catch {
            result = ExecutionResult()
            result.chapterErrors = ["\(chapter.sourcePath): could not run the chapter: \(error)"]
        }
        do { try cache.store(result, slug: slug, key: key) }
        catch { reporter.line(position, slug, "warning: could not store the cache entry: \(error)") }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        reporter.line(position, slug, "done \(seconds) s")
        return Outcome(slug: slug, result: result, cached: false)
    }

    static func runAll(_ jobs: [ChapterJob], parallelism: Int, cache: ChapterCache, reporter: ProgressReporter,
                       executor: @escaping @Sendable (String) -> ChapterExecutor) -> [String: Outcome] {
        let queue = WorkQueue(jobs)
        let results = Locked<[String: Outcome]>([:])
        let group = DispatchGroup()
        for _ in 0..<min(parallelism, max(jobs.count, 1)) {
            DispatchQueue.global().async(group: group) {
                while let job = queue.next() {
                    let outcome = job.run(cache: cache, reporter: reporter, executor: executor(job.chapter.slug))
                    results.withLock { $0[outcome.slug] = outcome }
                }
            }
        }
        group.wait()
        return results.withLock { $0 }
    }
}

/// Hands out items to worker threads, each exactly once, in order.
final class WorkQueue<Item: Sendable>: @unchecked Sendable {
    private var items: [Item]
    private var nextIndex = 0
    private let lock = NSLock()

    init(_ items: [Item]) { self.items = items }

    func next() -> Item? {
        lock.withLock {
            guard nextIndex < items.count else { return nil }
            defer { nextIndex += 1 }
            return items[nextIndex]
        }
    }
}

/// A value guarded by a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock(); defer { lock.unlock() }
        return body(&value)
    }
}
