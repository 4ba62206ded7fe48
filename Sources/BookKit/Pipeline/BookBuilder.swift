import Foundation

/// The whole pipeline for a book, as named stages over plain data, in the order data flows
/// (the folders of BookKit are named after them):
///
/// 1. Parsing: every chapter file to a `ParsedChapter` (`ChapterParser`),
/// 2. Execution, through the Cache: the chapters whose cache entry is stale compile and run, in
///    parallel (`ChapterExecutor`, `ChapterCache`, keys from `BuildInputs`),
/// 3. Weaving: results joined with the prose (`Weaver`), each chapter judged (`ChapterSummary`),
/// 4. Translation: the woven chapters in each translated edition's language, through the
///    catalogs (`TranslationStage`); nothing runs again,
/// 5. Rendering: the site page by page, every edition (`HTMLBookRenderer`); a chapter page whose
///    inputs did not change since it was last rendered comes from the `PageCache`,
/// 6. Writing: only the files whose bytes changed, atomically, with the manifest (`OutputWriter`).
///
/// Each stage is a method of its own, so a caller that re-runs one chapter (`Options.forceChapters`)
/// or keeps parsed chapters between builds (`book serve`) can drive them separately, one chapter
/// at a time where it needs to (`parse(file:)`, `run(_:position:...)`, `weave(_:outcome:)`).
public struct BookBuilder: Sendable {
    public struct Options: Sendable {
        public var jobs: Int
        /// Re-execute every chapter and re-render every page, ignoring the caches.
        public var force: Bool
        /// Re-execute these chapters (by slug) even when cached (`book run`).
        public var forceChapters: Set<String>
        /// Stops the chapters `execute` runs when set from another thread (`book serve` on Ctrl-C
        /// during its first build); a stopped chapter has no outcome.
        public var cancellation: RunCancellation?
        public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false, forceChapters: Set<String> = [],
                    cancellation: RunCancellation? = nil) {
            self.jobs = max(1, jobs)
            self.force = force
            self.forceChapters = forceChapters
            self.cancellation = cancellation
        }
    }

    /// A chapter file after stage 1: parsed, or the error that stopped it.
    public struct Parsed: Sendable {
        public var file: URL
        /// SHA-256 of the bytes parsed ("missing" when the file could not be read).
        public var sourceHash: String
        public var chapter: Result<ParsedChapter, BookError>
    }

    /// One chapter after stage 3: its woven form, the verdict, and its line in the manifest.
    public struct WovenEntry: Sendable {
        public var chapter: WovenChapter
        public var summary: ChapterSummary
        public var manifestChapter: Manifest.Chapter
    }

    /// The chapters after stage 3.
    public struct Woven: Sendable {
        public var chapters: [WovenChapter]
        public var summaries: [ChapterSummary]
        public var manifestChapters: [Manifest.Chapter]

        public init(_ entries: [WovenEntry]) {
            chapters = entries.map(\.chapter)
            summaries = entries.map(\.summary)
            manifestChapters = entries.map(\.manifestChapter)
        }
    }

    /// The site after stage 4.
    public struct RenderedSite: Sendable {
        /// Every file of the site: relative path -> bytes.
        public var files: [String: [UInt8]]
        /// The chapter pages that were rendered; the others came from the page cache.
        public var renderedPages: [String]
    }

    public var layout: BookLayout
    public var toolchain: Toolchain
    public var options: Options
    public var reporter: ProgressReporter?

    public init(layout: BookLayout, toolchain: Toolchain, options: Options = Options(), reporter: ProgressReporter? = nil) {
        self.layout = layout
        self.toolchain = toolchain
        self.options = options
        self.reporter = reporter
    }

    public func build() throws -> BuildReport {
        let files = try layout.chapterFiles()
        let reporter = self.reporter ?? ProgressReporter(total: files.count, enabled: false)
        let inputs = BuildInputs.read(toolchain: toolchain, cacheDirectory: layout.cacheDirectory)
        let parsed = parse(files)
        let outcomes = execute(parsed, inputs: inputs, reporter: reporter)
        let woven = weave(parsed, outcomes: outcomes)

        // Stages 4 to 6: a book that does not render writes nothing, so output/ stays whole.
        var renderFailures: [String] = []
        var changed: [String] = []
        var warnings: [BookWarning] = []
        var site: RenderedSite?
        var translations = Translated(states: [], editions: [])
        do {
            let book = try layout.metadata()
            translations = try translate(woven.chapters, book: book)
            site = try render(woven.chapters, book: book, translations: translations.editions, pages: pageCache())
            warnings = Citations.uncitedFloats(in: woven.chapters, prefaceMarkdown: book.prefaceMarkdown)
        } catch {
            renderFailures.append("\(error)")
        }
        if let site { changed = try write(site, woven: woven, translations: translations, inputs: inputs) }
        return BuildReport(chapters: woven.summaries, executed: outcomes.values.filter { !$0.cached }.map(\.slug).sorted(),
                           renderFailures: renderFailures, warnings: warnings, changedFiles: changed,
                           renderedPages: site?.renderedPages ?? [], woven: woven.chapters, translations: translations.states)
    }

    /// The page cache of this book on disk; with `force`, its old pages are not trusted.
    public func pageCache() -> PageCache {
        PageCache(folder: layout.pageCacheDirectory, trustingDisk: !options.force)
    }

    // MARK: - Stage 1

    /// Stage 1: every file parsed, in parallel (`options.jobs`); a chapter that does not parse
    /// keeps its error.
    public func parse(_ files: [URL]) -> [Parsed] {
        let builder = self
        return files.parallelMap(parallelism: options.jobs) { builder.parse(file: $0) }
    }

    /// Stage 1 for one file.
    public func parse(file: URL) -> Parsed {
        guard let contents = try? layout.contents(of: file) else {
            return Parsed(file: file, sourceHash: "missing", chapter: .failure(BookError(
                stage: .parse, file: layout.sourcePath(of: file), line: nil, message: "cannot read the file")))
        }
        let hash = ContentHash.of(contents)
        do { return Parsed(file: file, sourceHash: hash, chapter: .success(try layout.parse(contents, of: file))) }
        catch let error as BookError { return Parsed(file: file, sourceHash: hash, chapter: .failure(error)) }
        catch {
            return Parsed(file: file, sourceHash: hash, chapter: .failure(BookError(
                stage: .parse, file: layout.sourcePath(of: file), line: nil, message: "\(error)")))
        }
    }

    // MARK: - Stage 2

    /// Stage 2: each parsed chapter's execution result, from the cache or from running it.
    public func execute(_ parsed: [Parsed], inputs: BuildInputs, reporter: ProgressReporter) -> [String: ChapterOutcome] {
        let jobs = parsed.enumerated().compactMap { position, item -> ChapterJob? in
            guard case .success(let chapter) = item.chapter else { return nil }
            return ChapterJob(position: position + 1, chapter: chapter, key: inputs.cacheKey(for: chapter),
                              force: options.force || options.forceChapters.contains(chapter.slug))
        }
        let toolchain = self.toolchain, layout = self.layout, cancellation = options.cancellation
        return ChapterJob.runAll(jobs, parallelism: options.jobs, cache: layout.cache, reporter: reporter) { slug, threads in
            ChapterExecutor(toolchain: toolchain, bookRoot: layout.bookRoot, workDirectory: layout.cache.workDirectory(slug: slug),
                            engineThreads: threads, cancellation: cancellation)
        }
    }

    /// Stage 2 for one chapter, from the cache only: its stored outcome when current, else nil.
    public func lookup(_ chapter: ParsedChapter, inputs: BuildInputs) -> ChapterOutcome? {
        let key = inputs.cacheKey(for: chapter)
        guard case .hit(let result) = layout.cache.lookup(slug: chapter.slug, key: key) else { return nil }
        return ChapterOutcome(slug: chapter.slug, key: key, result: result, cached: true)
    }

    /// Stage 2 for one chapter, run whatever the cache holds, and stoppable from another thread
    /// (`book serve` runs an edited chapter so): the outcome, stored in the cache, or nil when
    /// `cancellation` stopped the run (then nothing is stored).
    /// - Parameter position: the chapter's place in the book, for progress lines.
    public func run(_ chapter: ParsedChapter, position: Int, inputs: BuildInputs, engineThreads: Int,
                    cancellation: RunCancellation, reporter: ProgressReporter) -> ChapterOutcome? {
        let job = ChapterJob(position: position, chapter: chapter, key: inputs.cacheKey(for: chapter), force: true)
        let executor = ChapterExecutor(toolchain: toolchain, bookRoot: layout.bookRoot,
                                       workDirectory: layout.cache.workDirectory(slug: chapter.slug),
                                       engineThreads: engineThreads, cancellation: cancellation)
        return job.execute(cache: layout.cache, reporter: reporter, executor: executor)
    }

    // MARK: - Stage 3

    /// Stage 3: results woven into the chapters, each chapter judged, its manifest entry made.
    public func weave(_ parsed: [Parsed], outcomes: [String: ChapterOutcome]) -> Woven {
        Woven(parsed.map { item in
            weave(item, outcome: (try? item.chapter.get()).flatMap { outcomes[$0.slug] })
        })
    }

    /// Stage 3 for one chapter; `outcome` nil: not executed (its cells show as not run).
    public func weave(_ item: Parsed, outcome: ChapterOutcome?) -> WovenEntry {
        let chapter: WovenChapter
        let summary: ChapterSummary
        switch item.chapter {
        case .failure(let error):
            chapter = ErrorChapter.woven(sourcePath: layout.sourcePath(of: item.file), error: error)
            summary = ChapterSummary(sourcePath: chapter.sourcePath, error: error.description)
        case .success(let parsedChapter):
            chapter = Weaver().weave(parsedChapter, result: outcome?.result)
            summary = ChapterSummary(woven: chapter, chapterErrors: outcome?.result.chapterErrors ?? ["\(parsedChapter.sourcePath): not executed"])
        }
        let entry = Manifest.Chapter(
            source: chapter.sourcePath, sourceHash: item.sourceHash, page: chapter.pageName, blocks: summary.swiftBlocks,
            failedBlocks: summary.failedBlocks, expects: .init(passed: summary.claimsPassed, failed: summary.claimsFailed),
            status: summary.ok ? "ok" : "failed")
        return WovenEntry(chapter: chapter, summary: summary, manifestChapter: entry)
    }
}
