import BookWire
import Foundation

/// Splits a chapter program's merged output stream into framed records and per-block text.
///
/// A record is a line `\u{1E}NBREC <nonce> <json>`; only lines carrying this run's nonce count, so
/// whatever the chapter prints cannot forge one. Everything else is text of the block running at
/// the time. Text beyond `textLimit` bytes per block is dropped with a visible notice.
struct RecordCollector {
    static let textLimit = 1 << 20

    let nonce: String

    private(set) var currentBlock: Int?
    private(set) var lastBlock: Int?
    private(set) var started: [Int] = []
    private(set) var finished: Set<Int> = []
    private(set) var outputs: [Int: [CellOutput]] = [:]
    private(set) var inlineTexts: [Int: String] = [:]
    private(set) var dataFiles: [String] = []
    /// An error that reached the top of the program: its text and the throwing statement's line.
    private(set) var thrown: (message: String, line: Int)?
    /// Text written while no block was running (for example by an inline expression or a trap
    /// after the last block).
    private(set) var looseText = ""
    private var textBytes: [Int: Int] = [:]
    private var cutBlocks: Set<Int> = []
    private var pending: [UInt8] = []

    init(nonce: String) { self.nonce = nonce }

    /// Takes the next bytes of the stream; returns the records completed by them, in order (so
    /// the caller can report progress as it happens).
    @discardableResult
    mutating func consume(_ bytes: ArraySlice<UInt8>) -> [Record] {
        pending += bytes
        guard let lastNewline = pending.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        let complete = pending[...lastNewline]
        pending = Array(pending[(lastNewline + 1)...])
        var records: [Record] = []
        for line in complete.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast() {
            if let record = handleLine(String(decoding: line, as: UTF8.self), newline: true) { records.append(record) }
        }
        return records
    }

    /// Flushes a last line without a newline.
    mutating func finish() {
        if !pending.isEmpty { _ = handleLine(String(decoding: pending, as: UTF8.self), newline: false) }
        pending = []
    }

    private mutating func handleLine(_ line: String, newline: Bool) -> Record? {
        let tag = Record.marker + nonce + " "
        guard let found = line.range(of: tag) else {
            appendText(newline ? line + "\n" : line)
            return nil
        }
        // Text printed without a newline right before a record still belongs to the block.
        if found.lowerBound > line.startIndex { appendText(String(line[..<found.lowerBound])) }
        guard let record = Record.decode(line[found.upperBound...]) else {
            appendText(line + (newline ? "\n" : ""))
            return nil
        }
        apply(record)
        return record
    }

    private mutating func apply(_ record: Record) {
        switch record {
        case .begin(let block):
            currentBlock = block
            lastBlock = block
            started.append(block)
        case .end(let block):
            finished.insert(block)
            currentBlock = nil
        case .value(let text): append(.value(text))
        case .table(let html, let caption, let label): append(.table(html: html, caption: caption, label: label))
        case .figure(let svg, let caption, let label, let alt): append(.figure(svg: svg, caption: caption, label: label, alt: alt))
        case .claim(let text, let passed, let detail, let line):
            append(.claim(Claim(text: text, passed: passed, detail: detail, line: line)))
        case .inline(let id, let text): inlineTexts[id] = text
        case .progress: break
        case .dataRead(let path): if !dataFiles.contains(path) { dataFiles.append(path) }
        case .thrown(let message, let line): thrown = (message, line)
        }
    }

    private mutating func append(_ output: CellOutput) {
        guard let block = currentBlock ?? lastBlock else { return }
        outputs[block, default: []].append(output)
    }

    private mutating func appendText(_ text: String) {
        guard let block = currentBlock else { looseText += text; return }
        let used = textBytes[block, default: 0]
        let room = Self.textLimit - used
        if text.utf8.count <= room {
            textBytes[block] = used + text.utf8.count
            appendMergingText(text)
            return
        }
        // Over the limit: keep what fits (cut on a character boundary), then say so once.
        if room > 0 {
            let kept = String(decoding: Array(text.utf8).prefix(room), as: UTF8.self)
            appendMergingText(kept.hasSuffix("\u{FFFD}") ? String(kept.dropLast()) : kept)
        }
        textBytes[block] = Self.textLimit
        if !cutBlocks.contains(block) {
            cutBlocks.insert(block)
            outputs[block, default: []].append(.notice("output cut at 1 MiB: the block printed more than that"))
        }
    }

    private mutating func appendMergingText(_ text: String) {
        guard let block = currentBlock, !text.isEmpty else { return }
        if case .text(let previous)? = outputs[block]?.last {
            outputs[block]!.removeLast()
            outputs[block]!.append(.text(previous + text))
        } else {
            outputs[block, default: []].append(.text(text))
        }
    }

    /// Removes and returns block `block`'s trailing text (used to pull a crash report out of it).
    mutating func takeTrailingText(of block: Int) -> String {
        guard case .text(let text)? = outputs[block]?.last else { return "" }
        outputs[block]!.removeLast()
        return text
    }

    mutating func appendOutput(_ output: CellOutput, to block: Int) {
        outputs[block, default: []].append(output)
    }
}
