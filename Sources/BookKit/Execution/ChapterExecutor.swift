import Foundation

/// Stage 2: compiles and runs a chapter's program (plus one probe per `error: true` block) and
/// turns what happened into an `ExecutionResult`.
public struct ChapterExecutor: Sendable {
    public var toolchain: Toolchain
    /// The folder holding the chapters folder: programs run there, so `data/x.csv` resolves.
    public var bookRoot: URL
    /// Scratch space for generated sources and executables.
    public var workDirectory: URL
    /// Worker threads the engine may use in this chapter's program (`NEURALBOOK_THREADS`).
    public var engineThreads: Int
    /// Set from outside to stop the compiler or the program early (`book serve`); `execute`
    /// then throws `RunCancelled`.
    public var cancellation: RunCancellation?

    public init(toolchain: Toolchain, bookRoot: URL, workDirectory: URL, engineThreads: Int = 2,
                cancellation: RunCancellation? = nil) {
        self.toolchain = toolchain
        self.bookRoot = bookRoot
        self.workDirectory = workDirectory
        self.engineThreads = max(1, engineThreads)
        self.cancellation = cancellation
    }

    /// Throws `RunCancelled` when `cancellation` stopped it, else only for what keeps the chapter
    /// from running at all (a folder that cannot be written, a program that cannot start).
    public func execute(_ chapter: ParsedChapter, onEvent: (ChapterEvent) -> Void = { _ in }) throws -> ExecutionResult {
        var result = ExecutionResult()
        for block in chapter.blocks {
            result.blockLines[block.index] = block.line
            if !block.runs { result.setCell(block.index, status: .notEvaluated, outputs: []) }
        }
        let selection = ProgramGenerator.mainSelection(of: chapter)
        if !selection.blocks.isEmpty || !selection.inlines.isEmpty {
            try runMain(chapter, selection: selection, into: &result, onEvent: onEvent)
        }
        for block in chapter.runnableBlocks where block.options.error {
            if cancellation?.isCancelled == true { throw RunCancelled() }
            onEvent(.probing(block: block.index))
            try probe(chapter, target: block, into: &result)
        }
        result.dataFiles = hashDataFiles(result.dataFiles.map(\.path))
        return result
    }

    private var compiler: ChapterCompiler { ChapterCompiler(toolchain: toolchain) }
    private var settings: ProgramRun.Settings {
        ProgramRun.Settings(bookRoot: bookRoot, engineThreads: engineThreads, cancellation: cancellation)
    }

    /// Compiles the selection in `folder` and runs it; nil (with the compiler's verdict) when it
    /// did not compile.
    private func compileAndRun(_ chapter: ParsedChapter, selection: ProgramGenerator.Selection, folder: String,
                               onEvent: (ChapterEvent) -> Void) throws -> (ChapterCompiler.Result, ProgramRun?) {
        let program = ProgramGenerator.program(for: chapter, selection: selection)
        let folder = workDirectory.appendingPathComponent(folder)
        let compiled = try compiler.compile(program, sourcePath: chapter.sourcePath, workDirectory: folder,
                                            mode: .executable(optimize: chapter.frontMatter.optimize), cancellation: cancellation)
        guard compiled.succeeded, let executable = compiled.executable else { return (compiled, nil) }
        let run = try ProgramRun.execute(executable, chapter: chapter, blocks: selection.blocks, settings: settings,
                                         crashReportFile: folder.appendingPathComponent("crash.json"), onEvent: onEvent)
        return (compiled, run)
    }

    private func runMain(_ chapter: ParsedChapter, selection: ProgramGenerator.Selection,
                         into result: inout ExecutionResult, onEvent: (ChapterEvent) -> Void) throws {
        onEvent(.compiling)
        let (compiled, ran) = try compileAndRun(chapter, selection: selection, folder: "main", onEvent: onEvent)
        guard let run = ran else {
            DiagnosticPlacement.place(compiled.diagnostics, chapter: chapter, blocks: selection.blocks, into: &result)
            return
        }
        var outcome = RunOutcome(run: run, chapter: chapter)
        for block in selection.blocks {
            let (status, outputs) = outcome.cell(block)
            result.setCell(block.index, status: status, outputs: outputs)
        }
        for span in selection.inlines {
            if let text = run.collector.inlineTexts[span.id] { result.inlineTexts[span.id] = text }
            else { result.inlineErrors[span.id] = outcome.inlineFailure(span) }
        }
        result.chapterErrors += outcome.chapterErrors
        result.dataFiles = run.collector.dataFiles.map { ExecutionResult.DataFile(path: $0, sha256: "") }
    }

    /// Runs the blocks before `target` and then `target` alone; `target` is expected to fail.
    private func probe(_ chapter: ParsedChapter, target: CodeBlock, into result: inout ExecutionResult) throws {
        let selection = ProgramGenerator.probeSelection(of: chapter, target: target)
        let (compiled, ran) = try compileAndRun(chapter, selection: selection, folder: "probe-\(target.index)", onEvent: { _ in })
        guard let run = ran else {
            let range = target.codeLine...max(target.codeLine, target.endLine)
            let own = compiled.diagnostics.filter { $0.file == chapter.sourcePath && range.contains($0.line) && $0.severity != .warning }
            if own.contains(where: { $0.severity == .error }) {
                result.setCell(target.index, status: .expectedError, outputs: own.map(\.cellOutput))
            } else {
                result.setCell(target.index, status: .notRun, outputs: [])
            }
            return
        }
        var outcome = RunOutcome(run: run, chapter: chapter)
        let (status, outputs) = outcome.cell(target)
        switch status {
        case .failed:
            result.setCell(target.index, status: .expectedError, outputs: outputs)
        case .ok:
            let message = "expected an error (`error: true`), but the block ran without one"
            result.setCell(target.index, status: .unexpectedSuccess, outputs: outputs + [.error(message: message, line: target.line)])
        default:
            result.setCell(target.index, status: .notRun, outputs: [])
        }
    }

    /// SHA-256 of each data file the chapter read, relative to the book root when not absolute.
    private func hashDataFiles(_ paths: [String]) -> [ExecutionResult.DataFile] {
        paths.sorted().map { path in
            ExecutionResult.DataFile(path: path, sha256: ContentHash.file(Self.dataFile(path, bookRoot: bookRoot)) ?? "missing")
        }
    }

    /// A data file path as a chapter reported it: absolute, or relative to the book root.
    static func dataFile(_ path: String, bookRoot: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : bookRoot.appendingPathComponent(path)
    }
}
