/// What a build did and what went wrong, for the terminal summary and the exit status.
public struct BuildReport: Sendable {
    public var chapters: [ChapterSummary]
    /// Slugs of the chapters that were compiled and run (the others came from the cache).
    public var executed: [String]
    /// The renderer's errors (then nothing was written).
    public var renderFailures: [String]
    /// Output files whose bytes changed.
    public var changedFiles: [String]
    /// Chapter pages rendered; the others came from the page cache unchanged.
    public var renderedPages: [String]
    public var woven: [WovenChapter]

    public var failures: [String] { chapters.flatMap(\.failures) + renderFailures }
    public var succeeded: Bool { failures.isEmpty }

    /// `6 chapters, 2 executed, 14/15 claims verified` then one line per failure.
    public var summaryLines: [String] {
        let passed = chapters.map(\.claimsPassed).reduce(0, +)
        let failed = chapters.map(\.claimsFailed).reduce(0, +)
        var lines = ["\(chapters.count) chapters, \(executed.count) executed, \(passed)/\(passed + failed) claims verified, "
                     + (succeeded ? "no failures" : "\(failures.count) failure\(failures.count == 1 ? "" : "s"):")]
        lines += failures.map { "  " + $0 }
        return lines
    }
}
