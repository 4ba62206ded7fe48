/// Decides each block's status and outputs from how a program run ended.
///
/// Blocks that finished are `ok`; the block running when the program trapped or was killed is
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
        case .timedOut(nil, let seconds):
            chapterErrors.append("\(chapter.sourcePath): timed out after \(seconds) s between blocks")
        case .crashed(nil, let report):
            chapterErrors.append("\(chapter.sourcePath):\(report.line.map(String.init) ?? "?"): \(report.message)")
        default: break
        }
    }

    /// Why an inline value has no text.
    var inlineFailure: String {
        switch run.ending {
        case .crashed(nil, let report): return report.message
        default: return "not evaluated: the chapter program stopped before reaching it"
        }
    }

    mutating func cell(_ block: CodeBlock) -> (CellStatus, [StoredOutput]) {
        let collected = run.collector.outputs[block.index] ?? []
        let shown = block.options.output ? collected : collected.filter(Self.alwaysShown)
        if run.collector.finished.contains(block.index) { return (.ok, shown) }
        switch run.ending {
        case .timedOut(let running?, let seconds) where running == block.index:
            return (.failed, shown + [.error(message: "timed out after \(seconds) s: the program was stopped while this block ran",
                                             line: block.line)])
        case .crashed(let running?, let report) where running == block.index:
            return (.failed, shown + [.error(message: report.message, line: report.line ?? block.line)])
        case .finished:
            if !run.collector.started.contains(block.index) {
                chapterErrors.append("\(chapter.sourcePath):\(block.line): block \(block.index) never ran (the program exited early)")
            }
            return (.notRun, [])
        default:
            return (.notRun, [])
        }
    }

    /// With `output: false`, claims and notices still show: a failed claim must be visible.
    private static func alwaysShown(_ output: StoredOutput) -> Bool {
        switch output {
        case .claim, .error, .notice: return true
        default: return false
        }
    }
}
