import BookWire
import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Swift source to HTML with syntax colouring done at build time, so code reads without
/// JavaScript: swift-syntax parses the block (tolerating errors) and its classifier labels every
/// token range (keyword, type, string literal, comment, ...); each label becomes a CSS class.
enum SwiftHighlighter {
    /// Escaped HTML for `source`, each classified range wrapped in `<span class="tok-...">`; a
    /// range that spans lines (a block comment, a multi-line string) gets one span per line.
    static func html(_ source: String) -> String {
        if let known = memo.withLock({ $0[source] }) { return known }
        let html = highlight(source)
        memo.withLock { known in
            if known.count >= memoCapacity { known.removeAll() }
            known[source] = html
        }
        return html
    }

    /// Highlighted blocks by source text, for the life of the process. Parsing and classifying is
    /// most of a page's rendering time in a debug build; every edition renders the same blocks,
    /// and `book serve` re-renders a page for a prose edit whose code has not changed.
    private static let memo = Locked<[String: String]>([:])
    /// A book's blocks fit many times over; past it (a long `book serve` session) start afresh.
    private static let memoCapacity = 4096

    private static func highlight(_ source: String) -> String {
        let tree = Parser.parse(source: source)
        let bytes = Array(source.utf8)
        var out = ""
        var cursor = 0
        for range in tree.classifications {
            let start = min(max(range.range.lowerBound.utf8Offset, cursor), bytes.count)
            let end = min(range.range.upperBound.utf8Offset, bytes.count)
            if start > cursor { out += plain(bytes[cursor..<start]) }
            guard end > start else { continue }
            let piece = HTMLEscaping.text(String(decoding: bytes[start..<end], as: UTF8.self))
            if let cssClass = cssClass(for: range.kind) {
                // One span per line, so no span crosses a line break (`CodeLines` cuts there).
                out += piece.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : "<span class=\"\(cssClass)\">\($0)</span>" }
                    .joined(separator: "\n")
            } else {
                out += piece
            }
            cursor = end
        }
        if cursor < bytes.count { out += plain(bytes[cursor...]) }
        return out
    }

    private static func plain(_ bytes: ArraySlice<UInt8>) -> String {
        HTMLEscaping.text(String(decoding: bytes, as: UTF8.self))
    }

    /// Short class names in the style of Pygments (`tok-k` keyword, `tok-s` string, ...), styled by
    /// the theme's `--code-*` variables.
    static func cssClass(for kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword: return "tok-k"
        case .type: return "tok-t"
        case .identifier, .dollarIdentifier: return nil
        case .argumentLabel: return "tok-l"
        case .operator: return "tok-o"
        case .integerLiteral, .floatLiteral: return "tok-n"
        case .stringLiteral, .regexLiteral: return "tok-s"
        case .lineComment, .blockComment: return "tok-c"
        case .docLineComment, .docBlockComment: return "tok-cd"
        case .attribute: return "tok-a"
        case .ifConfigDirective: return "tok-p"
        case .editorPlaceholder: return "tok-e"
        case .none: return nil
        @unknown default: return nil
        }
    }
}
