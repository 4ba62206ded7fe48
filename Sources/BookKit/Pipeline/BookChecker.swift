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

extension BookChecker {
    /// The translation catalogs' states for `book check`, without running anything: chapters whose
    /// cache entry is current contribute the text of their outputs (captions, claims, charts);
    /// `notBuilt` lists the others, whose output text is not checked.
    public func translations() throws -> (states: [TranslationStage.CatalogState], notBuilt: [String]) {
        let builder = BookBuilder(layout: layout, toolchain: toolchain)
        let parsed = builder.parse(try layout.chapterFiles())
        let outcomes = builder.cachedOutcomes(parsed, inputs: BuildInputs.read(toolchain: toolchain, cacheDirectory: layout.cacheDirectory))
        let woven = builder.weave(parsed, outcomes: outcomes)
        let translated = try builder.translate(woven, book: try layout.metadata())
        let notBuilt = parsed.compactMap { item -> String? in
            guard case .success(let chapter) = item.chapter, outcomes[chapter.slug] == nil,
                  !chapter.runnableBlocks.isEmpty || !chapter.inlines.isEmpty else { return nil }
            return chapter.sourcePath
        }
        return (translated.states, translated.states.isEmpty ? [] : notBuilt)
    }
}
