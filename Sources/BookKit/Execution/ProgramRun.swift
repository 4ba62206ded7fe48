import BookRuntime
import Foundation

/// Runs one compiled chapter (or probe) program and sorts what it wrote into blocks.
struct ProgramRun {
    enum Ending: Equatable {
        case finished
        /// The program was killed; `block` was running (nil: between blocks).
        case timedOut(block: Int?, seconds: Int)
        /// A trap or other abnormal exit; `block` was running (nil: between blocks).
        case crashed(block: Int?, report: CrashReport)
    }

    var collector: RecordCollector
    var ending: Ending

    /// - Parameters:
    ///   - blocks: the blocks the program contains, in order (for per-block timeouts and progress).
    static func execute(_ executable: URL, chapter: ParsedChapter, blocks: [CodeBlock], bookRoot: URL,
                        onEvent: (ChapterEvent) -> Void) throws -> ProgramRun {
        let nonce = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        var environment = ProcessInfo.processInfo.environment
        environment[Record.nonceVariable] = nonce
        // A short crash report: the crashing thread's frames are all the pipeline reads.
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,sanitize=no"
        let positions = Dictionary(uniqueKeysWithValues: blocks.enumerated().map { ($1.index, $0 + 1) })
        let limits = Dictionary(uniqueKeysWithValues: blocks.compactMap { block in block.options.timeout.map { (block.index, $0) } })

        var collector = RecordCollector(nonce: nonce)
        var blockStart = Date()
        let chapterTimeout = chapter.frontMatter.timeout
        let result = try ProcessRunner.run(
            executable, arguments: [], environment: environment, currentDirectory: bookRoot,
            timeout: TimeInterval(chapterTimeout), keepOutput: false,
            onOutput: { bytes in
                for record in collector.consume(bytes) {
                    switch record {
                    case .begin(let block):
                        blockStart = Date()
                        onEvent(.running(block: block, position: positions[block] ?? 0, of: blocks.count))
                    case .progress(let step, let total, let label):
                        onEvent(.progress(step: step, total: total, label: label))
                    default: break
                    }
                }
            },
            shouldKill: {
                guard let block = collector.currentBlock, let limit = limits[block] else { return false }
                return Date().timeIntervalSince(blockStart) > TimeInterval(limit)
            })
        collector.finish()

        let running = collector.currentBlock
        if result.timedOut {
            let seconds = running.flatMap { limits[$0] } ?? chapterTimeout
            return ProgramRun(collector: collector, ending: .timedOut(block: running, seconds: seconds))
        }
        if result.exitStatus == 0 && !result.signaled {
            return ProgramRun(collector: collector, ending: .finished)
        }
        let text = running.map { collector.takeTrailingText(of: $0) } ?? collector.looseText
        let report = CrashReport.parse(text, sourcePath: chapter.sourcePath)
            ?? CrashReport(message: "the program exited with status \(result.exitStatus)", line: nil, textBefore: text)
        if let running, !report.textBefore.isEmpty {
            collector.appendOutput(.text(report.textBefore + "\n"), to: running)
        }
        return ProgramRun(collector: collector, ending: .crashed(block: running, report: report))
    }
}
