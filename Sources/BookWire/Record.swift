// The framed records a chapter program writes and the book pipeline reads: the one definition of
// the wire format, imported by both sides (BookRuntime writes, BookKit reads).
//
// One record is one line on standard output: `\u{1E}NBREC <nonce> <json>\n`. The record separator
// character and the per-run nonce (environment `NEURALBOOK_NONCE`) make records unforgeable by
// whatever the chapter itself prints; everything else on the stream is the running block's text.

import Foundation

/// One event of a running chapter program.
public enum Record: Codable, Sendable, Equatable {
    /// Block `index` (1-based position among the chapter's fenced blocks) starts running.
    case begin(block: Int)
    /// Block `index` finished without trapping.
    case end(block: Int)
    /// The value of a block's last expression, or `show(_:)` of a plain value.
    case value(text: String)
    /// An HTML table from the Plotting module.
    case table(html: String, caption: String?, label: String?)
    /// An SVG figure from the Plotting module.
    case figure(svg: String, caption: String?, label: String?, alt: String)
    /// An `expect` claim with what was observed; `line` is the chapter line of the call.
    case claim(text: String, passed: Bool, detail: String?, line: Int)
    /// An inline `{swift}` value, by its id in the chapter.
    case inline(id: Int, text: String)
    /// Training progress: reaches the terminal while the chapter runs, not the page.
    case progress(step: Int, total: Int, label: String)
    /// The chapter read a data file; the cache re-validates it by content hash.
    case dataRead(path: String)
    /// An error thrown by top-level code reached the top: `line` is the chapter line of the
    /// throwing statement. The program exits right after this record.
    case thrown(message: String, line: Int)
}

extension Record {
    /// The marker that starts every record line: ASCII record separator, then a fixed tag.
    public static let marker = "\u{1E}NBREC "
    /// Environment variable carrying the per-run nonce.
    public static let nonceVariable = "NEURALBOOK_NONCE"
    /// Environment variable set to `stdin` when the pipeline holds the write end of the program's
    /// standard input: end of file there means `book` is gone, and the program stops its process
    /// group (see `_BookSession.start`).
    public static let lifelineVariable = "NEURALBOOK_LIFELINE"

    /// The record as one line, `marker nonce json\n`. JSON escapes newlines, so it is one line.
    public func line(nonce: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail; a failure would be a bug in `Record`.
        guard let data = try? encoder.encode(self), let json = String(data: data, encoding: .utf8) else {
            fatalError("BookWire: could not encode record \(self)")
        }
        return Self.marker + nonce + " " + json + "\n"
    }

    /// The record in `json` (the part of a line after `marker nonce `), or nil when it is not one.
    public static func decode(_ json: Substring) -> Record? {
        try? JSONDecoder().decode(Record.self, from: Data(json.utf8))
    }
}
