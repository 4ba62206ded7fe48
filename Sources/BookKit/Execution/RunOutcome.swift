/// Decides each block's status and outputs from how a program run ended.
///
/// Blocks that finished are `ok`; the block running when the program trapped or was stopped is
/// `failed` and shows the message at its chapter line; blocks that never started are `notRun`.
struct RunOutcome {
    let run: ProgramRun
    let chapter: ParsedChapter
    /// Problems that belong to no block (a trap in an inline value, an early `exit`).
    private(set) var chapterErrors: [String] = []

    init(run: ProgramRun, chapter: ParsedChapter) {
        self.run = run
        self.chapter = chapter
        switch run.ending {
        case .finished: break
        case .timedOut(nil, let limit):
            chapterErrors.append("\(chapter.sourcePath): \(Self.message(limit, block: nil))")
        case .crashed(nil, let report):
            let line = trappedInline(report)?.line ?? report.line
            chapterErrors.append("\(chapter.sourcePath):\(line.map(String.init) ?? "?"): \(report.message)")
        default: break
        }
    }

    /// The inline value whose evaluation trapped: the first one without a value on the line of
    /// the outermost chapter frame (values run in order, several may share a line).
    private func trappedInline(_ report: CrashReport) -> InlineSpan? {
        guard let statement = report.chapterLines.last else { return nil }
        return chapter.inlines.first { $0.line == statement && run.collector.inlineTexts[$0.id] == nil }
    }

    /// Why inline value `span` has no text: the trap, when it happened in this very value.
    func inlineFailure(_ span: InlineSpan) -> String {
        if case .crashed(nil, let report) = run.ending, trappedInline(report) == span { return report.message }
        return "not evaluated: the chapter program stopped before reaching it"
    }

    mutating func cell(_ block: CodeBlock) -> (CellStatus, [CellOutput]) {
        // Everything the block produced: `output: false` is applied by the weaver, so the option
        // stays out of the cache key.
        let produced = run.collector.outputs[block.index] ?? []
        if run.collector.finished.contains(block.index) { return (.ok, produced) }
        switch run.ending {
        case .timedOut(let running?, let limit) where running == block.index:
            return (.failed, produced + [.error(message: Self.message(limit, block: block.index), line: block.line)])
        case .crashed(let running?, let report) where running == block.index:
            return (.failed, produced + [.error(message: report.message, line: report.line ?? block.line)])
        case .finished:
            if !run.collector.started.contains(block.index) {
                chapterErrors.append("\(chapter.sourcePath):\(block.line): block \(block.index) never ran (the program exited early)")
            }
            return (.notRun, [])
        default:
            return (.notRun, [])
        }
    }

    /// What the reader and the terminal are told when a time limit stopped the program.
    static func message(_ limit: ProgramRun.TimeLimit, block: Int?) -> String {
        switch (limit, block) {
        case (.block(let seconds), _):
            return "timed out after \(seconds) s: the program was stopped while this block ran"
        case (.chapter(let seconds), .some):
            return "timed out: the chapter's limit of \(seconds) s (front matter `timeout:`) ran out while this block ran, and the program was stopped"
        case (.chapter(let seconds), nil):
            return "timed out: the chapter's limit of \(seconds) s (front matter `timeout:`) ran out between blocks, and the program was stopped"
        }
    }
}
