/// What a build did and what went wrong, for the terminal summary and the exit status.
public struct BuildReport: Sendable {
    public var chapters: [ChapterSummary]
    /// Slugs of the chapters that were compiled and run (the others came from the cache).
    public var executed: [String]
    /// The renderer's errors (then nothing was written).
    public var renderFailures: [String]
    /// What the author should fix but does not fail the build (uncited figures and tables).
    public var warnings: [BookWarning] = []
    /// Output files whose bytes changed.
    public var changedFiles: [String]
    /// Chapter pages rendered; the others came from the page cache unchanged.
    public var renderedPages: [String] = []
    public var woven: [WovenChapter]
    /// Each translation catalog's state (empty for a book without translations).
    public var translations: [TranslationStage.CatalogState] = []

    public var failures: [String] {
        chapters.flatMap(\.failures) + renderFailures + translations.flatMap(\.errors).map(\.description)
    }
    public var succeeded: Bool { failures.isEmpty }

    /// The warnings, one a line, then `6 chapters, 2 executed, 14/15 claims verified` and one line
    /// per failure.
    public var summaryLines: [String] {
        let passed = chapters.map(\.claimsPassed).reduce(0, +)
        let failed = chapters.map(\.claimsFailed).reduce(0, +)
        var lines = warnings.map(\.description)
        lines.append(Self.counted(chapters.count, "chapter") + ", \(executed.count) executed, \(passed)/\(passed + failed) claims verified, "
                     + (warnings.isEmpty ? "" : Self.counted(warnings.count, "warning") + ", ")
                     + (succeeded ? "no failures" : Self.counted(failures.count, "failure") + ":"))
        lines += failures.map { "  " + $0 }
        lines += TranslationSummary.lines(translations)
        return lines
    }

    /// "1 chapter", "6 chapters": counted nouns in the tool's messages (pages use `UIStrings`).
    public static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }
}
