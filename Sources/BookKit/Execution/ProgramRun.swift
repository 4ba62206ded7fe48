import BookWire
import Foundation

/// Runs one compiled chapter (or probe) program and sorts what it wrote into blocks.
struct ProgramRun {
    /// The time limit that stopped a program: the running block's own (`//| timeout:`) or what
    /// was left of the chapter's (front matter `timeout:`), whichever came first.
    enum TimeLimit: Equatable {
        case block(seconds: Int)
        case chapter(seconds: Int)
    }

    enum Ending: Equatable {
        case finished
        /// Stopped by `limit`; `block` was running (nil: between blocks).
        case timedOut(block: Int?, limit: TimeLimit)
        /// A trap, a thrown error or another abnormal exit; `block` was running (nil: between blocks).
        case crashed(block: Int?, report: CrashReport)
    }

    var collector: RecordCollector
    var ending: Ending

    /// Environment of every chapter program, besides the nonce.
    struct Settings {
        /// The folder holding the chapters folder: programs run there, so `data/x.csv` resolves.
        var bookRoot: URL
        /// Engine worker threads (`NEURALBOOK_THREADS`), so parallel chapters do not oversubscribe the cores.
        var engineThreads: Int
        /// Stops the program from outside (`book serve`); `execute` then throws `RunCancelled`.
        var cancellation: RunCancellation? = nil
    }

    /// - Parameters:
    ///   - blocks: the blocks the program contains, in order (for per-block deadlines and progress).
    ///   - crashReportFile: where the runtime writes its JSON crash report.
    static func execute(_ executable: URL, chapter: ParsedChapter, blocks: [CodeBlock], settings: Settings,
                        crashReportFile: URL, onEvent: (ChapterEvent) -> Void) throws -> ProgramRun {
        let nonce = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        var environment = ProcessInfo.processInfo.environment
        environment[Record.nonceVariable] = nonce
        environment[Record.lifelineVariable] = "stdin"
        environment["NEURALBOOK_THREADS"] = String(settings.engineThreads)
        try? FileManager.default.removeItem(at: crashReportFile)
        if !crashReportFile.path.contains(",") {
            environment["SWIFT_BACKTRACE"] = CrashReport.backtraceSetting(reportFile: crashReportFile)
        }
        let positions = Dictionary(uniqueKeysWithValues: blocks.enumerated().map { ($1.index, $0 + 1) })
        let limits = Dictionary(uniqueKeysWithValues: blocks.compactMap { block in block.options.timeout.map { (block.index, $0) } })

        var collector = RecordCollector(nonce: nonce)
        let chapterLimit = chapter.frontMatter.timeout
        let chapterDeadline = Date().addingTimeInterval(TimeInterval(chapterLimit))
        var blockDeadline: (Date, Int)?
        var firedLimit: TimeLimit?
        let result = try ProgramRunner.run(
            executable, arguments: [], environment: environment, currentDirectory: settings.bookRoot,
            lifeline: true, keepOutput: false,
            onOutput: { bytes in
                for record in collector.consume(bytes) {
                    switch record {
                    case .begin(let block):
                        blockDeadline = limits[block].map { (Date().addingTimeInterval(TimeInterval($0)), $0) }
                        onEvent(.running(block: block, position: positions[block] ?? 0, of: blocks.count))
                    case .end:
                        blockDeadline = nil
                    case .progress(let step, let total, let label):
                        onEvent(.progress(step: step, total: total, label: label))
                    default: break
                    }
                }
            },
            shouldStop: {
                if settings.cancellation?.isCancelled == true { return true }
                // One deadline: the earlier of the block's own and the chapter's; the one that
                // fires is recorded here, where it is known.
                let now = Date()
                if let (deadline, seconds) = blockDeadline, deadline <= chapterDeadline, now >= deadline {
                    firedLimit = .block(seconds: seconds)
                } else if now >= chapterDeadline {
                    firedLimit = .chapter(seconds: chapterLimit)
                }
                return firedLimit != nil
            })
        collector.finish()
        if result.stopped, firedLimit == nil, settings.cancellation?.isCancelled == true { throw RunCancelled() }

        let running = collector.currentBlock
        if result.stopped, let firedLimit {
            return ProgramRun(collector: collector, ending: .timedOut(block: running, limit: firedLimit))
        }
        if result.exitStatus == 0 && !result.signaled {
            return ProgramRun(collector: collector, ending: .finished)
        }
        let text = running.map { collector.takeTrailingText(of: $0) } ?? collector.looseText
        var report = CrashReport.parse(text, json: try? Data(contentsOf: crashReportFile), sourcePath: chapter.sourcePath)
            ?? CrashReport(message: "the program exited with status \(result.exitStatus)", line: nil,
                           textBefore: text.hasSuffix("\n") ? String(text.dropLast()) : text)
        if let thrown = collector.thrown {
            report.message = "Error thrown at top level: \(thrown.message)"
            report.line = thrown.line
            report.chapterLines = [thrown.line]
        }
        if let running, !report.textBefore.isEmpty {
            collector.appendOutput(.text(report.textBefore + "\n"), to: running)
        }
        return ProgramRun(collector: collector, ending: .crashed(block: running, report: report))
    }
}
