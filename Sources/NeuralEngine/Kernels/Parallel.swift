import Foundation

/// Data-parallel loops over a persistent pool of worker threads.
///
/// `forEachChunk(count, minChunk:)` cuts `0..<count` into the chunks
/// `[0, minChunk), [minChunk, 2·minChunk), …` — boundaries that depend only on `count` and `minChunk`,
/// never on the number of threads — and runs `body` once per chunk, chunks handed out dynamically to
/// the calling thread and `threadCount − 1` workers. A kernel that writes disjoint outputs per chunk,
/// and reduces inside a chunk in a fixed order, therefore gives the same bits for every thread count.
///
/// Cheap calls run inline: a single chunk, `threadCount == 1`, or a call made from inside another
/// `forEachChunk` (or while another thread is using the pool) never touches the pool.
public enum Parallel {
    /// Number of threads used by `forEachChunk` (the caller included). Default 2; the environment
    /// variable `NEURALBOOK_THREADS` overrides it; assign to change it at run time (values < 1 mean 1).
    nonisolated(unsafe) public static var threadCount: Int = {
        if let text = ProcessInfo.processInfo.environment["NEURALBOOK_THREADS"], let n = Int(text), n > 0 {
            return n
        }
        return 2
    }()

    /// Runs `body` on the chunks `i·minChunk ..< min((i+1)·minChunk, count)` in parallel and returns
    /// when all of them are done. `body` must only write data owned by its chunk.
    public static func forEachChunk(_ count: Int, minChunk: Int, _ body: (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let chunk = Swift.max(minChunk, 1)
        let chunks = (count + chunk - 1) / chunk
        let threads = Swift.min(Swift.max(threadCount, 1), chunks)
        if threads > 1, let pool = WorkerPool.shared.tryAcquire() {
            defer { pool.release() }
            withoutActuallyEscaping(body) { escapable in
                pool.run(chunks: chunks, threads: threads) { index in
                    let start = index * chunk
                    escapable(start..<Swift.min(count, start + chunk))
                }
            }
            return
        }
        var start = 0
        while start < count {
            let end = Swift.min(count, start + chunk)
            body(start..<end)
            start = end
        }
    }
}
