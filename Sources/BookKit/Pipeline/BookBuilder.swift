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
/// 5. Rendering: the whole site, every edition (`HTMLBookRenderer`),
/// 6. Writing: only the files whose bytes changed, atomically, with the manifest (`OutputWriter`).
///
/// Each stage is a method of its own, so a caller that re-runs one chapter (`Options.forceChapters`)
/// or keeps parsed chapters between builds can drive them separately.
public struct BookBuilder {
    public struct Options: Sendable {
        public var jobs: Int
        /// Re-execute every chapter, ignoring the cache.
        public var force: Bool
        /// Re-execute these chapters (by slug) even when cached (`book run`).
        public var forceChapters: Set<String>
        public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false, forceChapters: Set<String> = []) {
            self.jobs = max(1, jobs)
            self.force = force
            self.forceChapters = forceChapters
        }
    }

    /// A chapter file after stage 1: parsed, or the error that stopped it.
    public struct Parsed: Sendable {
        public var file: URL
        public var chapter: Result<ParsedChapter, BookError>
    }

    /// The chapters after stage 3.
    public struct Woven: Sendable {
        public var chapters: [WovenChapter]
        public var summaries: [ChapterSummary]
        public var manifestChapters: [Manifest.Chapter]
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
        var site: [String: [UInt8]]?
        var translations = Translated(states: [], editions: [])
        do {
            let book = try layout.metadata()
            translations = try translate(woven.chapters, book: book)
            site = try HTMLBookRenderer().render(book: book, chapters: woven.chapters, translations: translations.editions)
            warnings = Citations.uncitedFloats(in: woven.chapters, prefaceMarkdown: book.prefaceMarkdown)
        } catch {
            renderFailures.append("\(error)")
        }
        if let site {
            let manifest = Manifest(engine: inputs.linkedSources, chapters: woven.manifestChapters,
                                    editions: manifestEditions(translations, chapters: woven.chapters))
            changed = try OutputWriter(folder: layout.outputDirectory).write(files: site, manifest: manifest)
        }
        return BuildReport(chapters: woven.summaries, executed: outcomes.values.filter { !$0.cached }.map(\.slug).sorted(),
                           renderFailures: renderFailures, warnings: warnings, changedFiles: changed, woven: woven.chapters,
                           translations: translations.states)
    }

    /// The chapters after stage 4.
    public struct Translated: Sendable {
        public var states: [TranslationStage.CatalogState]
        public var editions: [TranslatedEdition]
    }

    /// Stage 4: the catalogs merged with the woven chapters' units, and the translated editions.
    public func translate(_ chapters: [WovenChapter], book: BookMetadata) throws -> Translated {
        let stage = TranslationStage(layout: layout)
        let states = stage.states(try stage.languages(book), book: book, chapters: chapters)
        return Translated(states: states, editions: stage.editions(states, book: book, chapters: chapters))
    }

    /// The manifest's record of the translated editions: their pages and catalogs (nil without any).
    private func manifestEditions(_ translations: Translated, chapters: [WovenChapter]) -> [Manifest.Edition]? {
        guard !translations.editions.isEmpty else { return nil }
        return translations.editions.map { edition in
            let folder = edition.language.code + "/"
            let catalogs = translations.states.filter { $0.language == edition.language }.map { state in
                Manifest.CatalogCounts(catalog: state.catalogPath, catalogHash: ContentHash.file(state.catalogFile) ?? "missing",
                                       translated: state.translated, stale: state.stale, missing: state.missing)
            }
            return Manifest.Edition(language: edition.language.code,
                                    pages: [folder + "index.html"] + chapters.map { folder + $0.pageName }, catalogs: catalogs)
        }
    }

    /// Stage 1: every file parsed; a chapter that does not parse keeps its error.
    public func parse(_ files: [URL]) -> [Parsed] {
        files.map { file in
            do { return Parsed(file: file, chapter: .success(try layout.parse(file))) }
            catch let error as BookError { return Parsed(file: file, chapter: .failure(error)) }
            catch { return Parsed(file: file, chapter: .failure(BookError(stage: .parse, file: layout.sourcePath(of: file), line: nil, message: "\(error)"))) }
        }
    }

    /// Stage 2: each parsed chapter's execution result, from the cache or from running it.
    public func execute(_ parsed: [Parsed], inputs: BuildInputs, reporter: ProgressReporter) -> [String: ChapterOutcome] {
        let jobs = parsed.enumerated().compactMap { position, item -> ChapterJob? in
            guard case .success(let chapter) = item.chapter else { return nil }
            return ChapterJob(position: position + 1, chapter: chapter, key: inputs.cacheKey(for: chapter),
                              force: options.force || options.forceChapters.contains(chapter.slug))
        }
        let toolchain = self.toolchain, layout = self.layout
        return ChapterJob.runAll(jobs, parallelism: options.jobs, cache: layout.cache, reporter: reporter) { slug, threads in
            ChapterExecutor(toolchain: toolchain, bookRoot: layout.bookRoot, workDirectory: layout.cache.workDirectory(slug: slug),
                            engineThreads: threads)
        }
    }

    /// Stage 3: results woven into the chapters, each chapter judged, its manifest entry made.
    public func weave(_ parsed: [Parsed], outcomes: [String: ChapterOutcome]) -> Woven {
        var woven = Woven(chapters: [], summaries: [], manifestChapters: [])
        for item in parsed {
            let sourceHash = ContentHash.file(item.file) ?? "missing"
            let chapter: WovenChapter
            let summary: ChapterSummary
            switch item.chapter {
            case .failure(let error):
                chapter = ErrorChapter.woven(sourcePath: layout.sourcePath(of: item.file), error: error)
                summary = ChapterSummary(sourcePath: chapter.sourcePath, error: error.description)
            case .success(let parsedChapter):
                let outcome = outcomes[parsedChapter.slug]
                chapter = Weaver().weave(parsedChapter, result: outcome?.result)
                summary = ChapterSummary(woven: chapter, chapterErrors: outcome?.result.chapterErrors ?? ["\(parsedChapter.sourcePath): not executed"])
            }
            woven.chapters.append(chapter)
            woven.summaries.append(summary)
            woven.manifestChapters.append(Manifest.Chapter(
                source: chapter.sourcePath, sourceHash: sourceHash, page: chapter.pageName, blocks: summary.swiftBlocks,
                failedBlocks: summary.failedBlocks, expects: .init(passed: summary.claimsPassed, failed: summary.claimsFailed),
                status: summary.ok ? "ok" : "failed"))
        }
        return woven
    }
}
