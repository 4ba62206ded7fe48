@_exported import NeuralEngine
@_exported import Plotting
import Foundation

/// Hidden entry points the generated chapter program calls between and around the user's blocks.
/// Chapter authors never call these; the underscore keeps them out of completion lists.
///
/// All output goes through standard output, line-buffered, so framed records and the user's own
/// `print` text arrive at the reader in the order they happened, and a trap loses nothing that was
/// written before it.
public enum _BookSession {
    /// Call once, before the first block: remembers the chapter seed. (The generated program
    /// line-buffers stdout itself: it is compiled in Swift 5 mode, where the C global is usable.)
    /// Also reports every data file the engine's loaders read, so the cache can re-validate them.
    public static func start(chapterSeed: UInt64) {
        state.withLock { $0.chapterSeed = chapterSeed }
        DataFiles.onRead = { path in emit(.dataRead(path: path)) }
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

    /// Writes one framed record line and flushes it.
    public static func emit(_ record: Record) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail; a failure would be a bug in `Record`.
        guard let data = try? encoder.encode(record), let json = String(data: data, encoding: .utf8) else {
            fatalError("BookRuntime: could not encode record \(record)")
        }
        let line = Record.marker + nonce + " " + json + "\n"
        state.withLock { _ in
            print(line, terminator: "")
            fflush(nil)              // all C streams: the record must not wait in a buffer
        }
    }

    /// The per-run nonce from the environment ("-" when run by hand, outside the pipeline).
    static let nonce: String = ProcessInfo.processInfo.environment[Record.nonceVariable] ?? "-"

    struct State { var chapterSeed: UInt64 = 42 }
    static let state = Locked(State())
}

/// A value guarded by a lock: records may be emitted from the engine's worker threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock(); defer { lock.unlock() }
        return body(&value)
    }
}
