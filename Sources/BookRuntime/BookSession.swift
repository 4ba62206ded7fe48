@_exported import NeuralEngine
@_exported import Plotting
import BookWire
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hidden entry points the generated chapter program calls between and around the user's blocks.
/// Chapter authors never call these; the underscore keeps them out of completion lists.
///
/// All output goes through standard output, line-buffered, so framed records and the user's own
/// `print` text arrive at the reader in the order they happened, and a trap loses nothing that was
/// written before it.
public enum _BookSession {
    /// Call once, before the first block: remembers the chapter seed. (The generated program
    /// line-buffers stdout itself: it is compiled in Swift 5 mode, where the C global is usable.)
    /// Also reports every data file the engine's loaders read, so the cache can re-validate them,
    /// and starts the lifeline watch when the pipeline asks for it.
    public static func start(chapterSeed: UInt64) {
        state.withLock { $0.chapterSeed = chapterSeed }
        DataFiles.onRead = { path in emit(.dataRead(path: path)) }
        if ProcessInfo.processInfo.environment[Record.lifelineVariable] == "stdin" { Lifeline.watchStandardInput() }
    }

    /// Marks the start of block `index` and reseeds `RandomGenerator.global` from the chapter seed
    /// and the block's `name` (its label, or `block<index>`), see `blockSeed(chapterSeed:name:)`.
    public static func beginBlock(_ index: Int, name: String) {
        let chapterSeed = state.withLock { $0.chapterSeed }
        RandomGenerator.global.reseed(blockSeed(chapterSeed: chapterSeed, name: name))
        emit(.begin(block: index))
    }

    /// Marks the normal end of block `index`.
    public static func endBlock(_ index: Int) {
        emit(.end(block: index))
    }

    /// A block whose last expression is a call returning nothing shows nothing.
    public static func display(_ value: Void) {}

    /// Shows the value of a block's last expression: tables and charts as themselves, anything
    /// else as its `String(describing:)` text.
    public static func display<T>(_ value: T) {
        if let table = value as? any HTMLRenderable {
            emit(.table(html: table.html(), caption: nil, label: nil))
        } else if let chart = value as? any SVGRenderable {
            let svg = chart.svg()
            emit(.figure(svg: svg, caption: nil, label: nil, alt: altText(of: chart, svg: svg)))
        } else {
            emit(.value(text: String(describing: value)))
        }
    }

    /// The text of inline value `id` (a `{swift} expr` span in the chapter's prose).
    public static func inline<T>(_ id: Int, _ value: T) {
        emit(.inline(id: id, text: String(describing: value)))
    }

    /// Evaluates a top-level `try` expression at chapter line `line`. An error that escapes it
    /// would reach the top of the program, where Swift reports it without a chapter line; here
    /// it is reported at the throwing statement and the program stops.
    public static func tried<T>(line: Int, _ body: () throws -> T) -> T {
        do { return try body() } catch { stop(thrown: error, line: line) }
    }

    /// A top-level `throw` at chapter line `line`.
    public static func raise(line: Int, _ error: any Error) -> Never {
        stop(thrown: error, line: line)
    }

    private static func stop(thrown error: any Error, line: Int) -> Never {
        emit(.thrown(message: String(describing: error), line: line))
        exit(1)
    }

    /// Writes one framed record line and flushes it.
    public static func emit(_ record: Record) {
        let line = record.line(nonce: nonce)
        state.withLock { _ in
            print(line, terminator: "")
            fflush(nil)              // all C streams: the record must not wait in a buffer
        }
    }

    /// The per-run nonce from the environment ("-" when run by hand, outside the pipeline).
    static let nonce: String = ProcessInfo.processInfo.environment[Record.nonceVariable] ?? "-"

    struct State { var chapterSeed: UInt64 = ChapterDefaults.seed }
    static let state = Locked(State())
}

/// Nothing a chapter starts may outlive `book`: the pipeline runs each chapter program as the
/// leader of a session of its own and keeps the write end of a pipe that is the program's
/// standard input. When `book` exits, even by `kill -9`, the kernel closes that end; a read then
/// returns end of file, and the program stops its whole session (itself and any process a block
/// started). A parent-death signal (`prctl(PR_SET_PDEATHSIG)`) would reach only the program
/// itself, not the children it started.
enum Lifeline {
    static func watchStandardInput() {
        let watcher = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(0, &byte, 1)
                if count == 0 || (count < 0 && errno != EINTR) { break }
            }
            // Only a session leader stops its session: run by hand inside a shell's, just exit.
            if getsid(0) == getpid() { ProcessSession.stopAll(session: getpid()) }
            _exit(137)
        }
        watcher.name = "book-lifeline"
        watcher.start()
    }
}
