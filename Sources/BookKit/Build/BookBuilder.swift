import Foundation

/// The whole pipeline for a book, as named stages over plain data:
///
/// 1. parse every chapter (`ChapterParser`),
/// 2. execute the chapters whose cache entry is stale, in parallel (`ChapterExecutor`, `ChapterCache`),
/// 3. weave results into the prose (`Weaver`),
/// 4. render the site (`HTMLBookRenderer`),
/// 5. write it atomically with its manifest (`OutputWriter`).
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
        if toolchain.isDebugBuild {
            // NeuralEngine is optimised even in debug builds (Package.swift); Plotting and BookRuntime are not.
            reporter.message("warning: \(toolchain.binDirectory.path) is a debug build: chapters link unoptimised plotting and runtime objects; build `book` with -c release for the book CI checks")
        }
        let engine = EngineFingerprint.compute(toolchain: toolchain)
        let swiftVersion = toolchain.version(rememberedIn: layout.cacheDirectory)

        // Stage 1: parse.
        var parsed: [Result<ParsedChapter, BookError>] = []
        for file in files {
            do { parsed.append(.success(try layout.parse(file))) }
            catch let error as BookError { parsed.append(.failure(error)) }
            catch { parsed.append(.failure(BookError(file: layout.sourcePath(of: file), line: nil, message: "\(error)"))) }
        }

        // Stage 2: execute (or take from the cache), chapters in parallel.
        let jobs = parsed.enumerated().compactMap { position, item -> ChapterJob? in
            guard case .success(let chapter) = item else { return nil }
            return ChapterJob(position: position + 1, chapter: chapter,
                              key: CacheKey.compute(chapter, engine: engine, toolchainVersion: swiftVersion),
                              force: options.force || options.forceChapters.contains(chapter.slug))
        }
        let toolchain = self.toolchain, layout = self.layout
        let executor = { @Sendable (slug: String) in
            ChapterExecutor(toolchain: toolchain, bookRoot: layout.bookRoot, workDirectory: layout.cache.workDirectory(slug: slug))
        }
        let outcomes = ChapterJob.runAll(jobs, parallelism: options.jobs, cache: layout.cache, reporter: reporter, executor: executor)

        // Stage 3: weave, and judge each chapter.
        var woven: [WovenChapter] = []
        var summaries: [ChapterSummary] = []
        var manifestChapters: [Manifest.Chapter] = []
        for (index, item) in parsed.enumerated() {
            let file = files[index]
            let sourceHash = ContentHash.file(file) ?? "missing"
            switch item {
            case .failure(let error):
                let chapter = ErrorChapter.woven(for: file, sourcePath: layout.sourcePath(of: file), error: error)
                woven.append(chapter)
                summaries.append(ChapterSummary(sourcePath: chapter.sourcePath, error: error.description))
                manifestChapters.append(Manifest.Chapter(source: chapter.sourcePath, sourceHash: sourceHash, page: chapter.pageName,
                                                         blocks: 0, failedBlocks: 0, expects: .init(passed: 0, failed: 0), status: "failed"))
            case .success(let chapter):
                let outcome = outcomes[chapter.slug]
                let chapterWoven = Weaver().weave(chapter, result: outcome?.result)
                let summary = ChapterSummary(woven: chapterWoven, chapterErrors: outcome?.result.chapterErrors ?? ["\(chapter.sourcePath): not executed"])
                woven.append(chapterWoven)
                summaries.append(summary)
                manifestChapters.append(Manifest.Chapter(
                    source: chapter.sourcePath, sourceHash: sourceHash, page: chapterWoven.pageName, blocks: summary.swiftBlocks,
                    failedBlocks: summary.failedBlocks, expects: .init(passed: summary.claimsPassed, failed: summary.claimsFailed),
                    status: summary.ok ? "ok" : "failed"))
            }
        }

        // Stages 4 and 5: render and write.
        var renderFailures: [String] = []
        let site: [String: [UInt8]]
        do {
            site = try HTMLBookRenderer().render(book: try layout.metadata(), chapters: woven)
        } catch {
            renderFailures.append("\(error)")
            site = [:]
        }
        let manifest = Manifest(engine: engine, chapters: manifestChapters)
        var changed: [String] = []
        if renderFailures.isEmpty {
            changed = try OutputWriter(folder: layout.outputDirectory).write(files: site, manifest: manifest)
        }
        return BuildReport(chapters: summaries, executed: outcomes.values.filter { !$0.cached }.map(\.slug).sorted(),
                           renderFailures: renderFailures, changedFiles: changed, woven: woven)
    }
}
