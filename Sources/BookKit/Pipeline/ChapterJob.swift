import Foundation

/// One chapter's execution result after stage 2, the cache key it belongs to, and whether it
/// came from the cache.
public struct ChapterOutcome: Sendable {
    public var slug: String
    public var key: String
    public var result: ExecutionResult
    public var cached: Bool
}

/// One chapter's trip through stage 2: take its result from the cache, or compile and run it
/// and store the result.
struct ChapterJob: Sendable {
    typealias Outcome = ChapterOutcome

    var position: Int
    var chapter: ParsedChapter
    var key: String
    var force: Bool

    /// Runs every job: cached results first, then the stale chapters on `parallelism` threads.
    /// Each chapter program gets an equal share of the cores for the engine's worker threads, so
    /// chapters × engine threads never exceeds the cores (when there are enough cores to share).
    static func runAll(_ jobs: [ChapterJob], parallelism: Int, cache: ChapterCache, reporter: ProgressReporter,
                       executor: @escaping @Sendable (_ slug: String, _ engineThreads: Int) -> ChapterExecutor) -> [String: Outcome] {
        var outcomes: [String: Outcome] = [:]
        var stale: [ChapterJob] = []
        // Lookups decode JSON and hash data files: in parallel too.
        let lookups = jobs.parallelMap(parallelism: parallelism) { job in
            job.force ? .stale : cache.lookup(slug: job.chapter.slug, key: job.key)
        }
        for (job, lookup) in zip(jobs, lookups) {
            if case .hit(let result) = lookup {
                reporter.line(job.position, job.chapter.slug, "cached")
                outcomes[job.chapter.slug] = Outcome(slug: job.chapter.slug, key: job.key, result: result, cached: true)
            } else {
                stale.append(job)
            }
        }
        let concurrent = max(1, min(parallelism, stale.count))
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount / concurrent)
        for case let outcome? in stale.parallelMap(parallelism: concurrent, { job in
            job.execute(cache: cache, reporter: reporter, executor: executor(job.chapter.slug, threads))
        }) {
            outcomes[outcome.slug] = outcome
        }
        return outcomes
    }

    /// Compiles and runs the chapter and stores its result; nil when the executor's cancellation
    /// stopped it (then nothing is stored: a half-run chapter is no result).
    func execute(cache: ChapterCache, reporter: ProgressReporter, executor: ChapterExecutor) -> Outcome? {
        let slug = chapter.slug
        let start = Date()
        var result: ExecutionResult
        do {
            result = try executor.execute(chapter) { reporter.report(position, slug, $0) }
        } catch is RunCancelled {
            reporter.line(position, slug, "cancelled")
            return nil
        } catch {
            result = ExecutionResult()
            result.chapterErrors = ["\(chapter.sourcePath): could not run the chapter: \(error)"]
        }
        do { try cache.store(result, slug: slug, key: key) }
        catch { reporter.line(position, slug, "warning: could not store the cache entry: \(error)") }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        reporter.line(position, slug, "done \(seconds) s")
        return Outcome(slug: slug, key: key, result: result, cached: false)
    }
}
