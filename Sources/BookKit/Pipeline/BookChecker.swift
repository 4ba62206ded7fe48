import Foundation

/// `book check`: type-checks every chapter's program without running it (no code generation, no
/// linking), chapters in parallel, and collects every diagnostic with its chapter line.
public struct BookChecker {
    public struct Finding: Sendable {
        public var sourcePath: String
        /// Terminal lines: `chapters/x.md:LINE:COL: error: message` (warnings and notes too).
        public var diagnostics: [String]
        public var errorCount: Int
    }

    public var layout: BookLayout
    public var toolchain: Toolchain
    public var jobs: Int

    public init(layout: BookLayout, toolchain: Toolchain, jobs: Int) {
        self.layout = layout
        self.toolchain = toolchain
        self.jobs = max(1, jobs)
    }

    public func check() throws -> [Finding] {
        let layout = self.layout, toolchain = self.toolchain
        return try layout.chapterFiles().parallelMap(parallelism: jobs) { Self.check($0, layout: layout, toolchain: toolchain) }
    }

    /// Figures and tables that nothing cites, from each chapter's last build in the cache (a
    /// chapter's figures exist only once it ran); `notBuilt` lists the chapters without one.
    public func citationWarnings() throws -> (warnings: [BookWarning], notBuilt: [String]) {
        let cached = try wovenFromCache()
        let preface = (try? layout.metadata())?.prefaceMarkdown ?? ""
        return (Citations.uncitedFloats(in: cached.chapters, prefaceMarkdown: preface), cached.notBuilt)
    }

    /// The translation catalogs' states, from each chapter's last build in the cache (the text of
    /// a chapter's outputs, its captions, claims and charts, exists only once it ran).
    public func translations() throws -> [TranslationStage.CatalogState] {
        try BookBuilder(layout: layout, toolchain: toolchain).translate(try wovenFromCache().chapters, book: try layout.metadata()).states
    }

    /// Every chapter that parses, woven with its cached result when the cache entry is current;
    /// `notBuilt` lists the chapters with code but no current entry. Nothing runs.
    private func wovenFromCache() throws -> (chapters: [WovenChapter], notBuilt: [String]) {
        let inputs = BuildInputs.read(toolchain: toolchain, cacheDirectory: layout.cacheDirectory)
        var woven: [WovenChapter] = []
        var notBuilt: [String] = []
        for file in try layout.chapterFiles() {
            guard let chapter = try? layout.parse(file) else { continue }   // `check` reports parse errors
            var result: ExecutionResult?
            if case .hit(let stored) = layout.cache.lookup(slug: chapter.slug, key: inputs.cacheKey(for: chapter)) {
                result = stored
            } else if !chapter.runnableBlocks.isEmpty {
                notBuilt.append(chapter.sourcePath)
            }
            woven.append(Weaver().weave(chapter, result: result))
        }
        return (woven, notBuilt)
    }

    private static func check(_ file: URL, layout: BookLayout, toolchain: Toolchain) -> Finding {
        let path = layout.sourcePath(of: file)
        do {
            let chapter = try layout.parse(file)
            let selection = ProgramGenerator.mainSelection(of: chapter)
            guard !selection.blocks.isEmpty || !selection.inlines.isEmpty else {
                return Finding(sourcePath: path, diagnostics: [], errorCount: 0)
            }
            let program = ProgramGenerator.program(for: chapter, selection: selection)
            let folder = layout.cache.workDirectory(slug: chapter.slug).appendingPathComponent("check")
            let result = try ChapterCompiler(toolchain: toolchain).compile(
                program, sourcePath: chapter.sourcePath, workDirectory: folder, mode: .typecheck)
            return Finding(sourcePath: path, diagnostics: result.diagnostics.map(\.description),
                           errorCount: result.diagnostics.filter { $0.severity == .error }.count)
        } catch {
            return Finding(sourcePath: path, diagnostics: ["\(error)"], errorCount: 1)
        }
    }
}

