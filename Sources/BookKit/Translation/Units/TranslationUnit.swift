/// One piece of the book a translator translates as a whole: a paragraph, a heading, a list
/// item's text, a table cell, a caption, a claim, a chart label. Its source text is the catalog's
/// `msgid`; `context` tells apart units that must be able to differ though their text is equal
/// (a chart's axis label "loss" and a heading "Loss"), and says where short texts appear.
public struct TranslationUnit: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case title, summary, heading, paragraph, listItem = "list item", quote, tableCell = "table cell"
        /// Text inside a `::: exercise` or `::: solution` div.
        case exercise, solution
        case caption, claim
        case chartText = "chart text", chartDescription = "chart description"
        case tableHeader = "table header", tableText = "table text"
        /// The words an inline value produced (`InlineValueText`).
        case inlineValue = "inline value"

        /// The catalog context: none for the text of the chapter file (so equal text is translated
        /// once), the kind of output for text a chapter program wrote.
        var context: String? {
            switch self {
            case .title, .summary, .heading, .paragraph, .listItem, .quote, .tableCell, .exercise, .solution: return nil
            case .caption: return "caption"
            case .claim: return "claim"
            case .chartText: return "chart"
            case .chartDescription: return "chart description"
            case .tableHeader, .tableText: return "table"
            case .inlineValue: return "inline value"
            }
        }

        /// Whether the text is the book's Markdown dialect (math, references, inline values);
        /// the others are plain text (claims) or label markup (charts, program tables).
        var isMarkdown: Bool {
            switch self {
            case .title, .summary, .heading, .paragraph, .listItem, .quote, .tableCell, .exercise, .solution, .caption: return true
            default: return false
            }
        }
    }

    public var kind: Kind
    public var text: String
    /// Line of the chapter file where the unit is.
    public var line: Int
    /// Where the text comes from, when its kind alone does not tell a translator (the
    /// expression of an inline value).
    public var origin: String?

    public init(kind: Kind, text: String, line: Int, origin: String? = nil) {
        self.kind = kind
        self.text = text
        self.line = line
        self.origin = origin
    }

    public var key: CatalogKey { CatalogKey(context: kind.context, id: text) }

    /// The catalog's extracted comment (`#.`): the kind, and the origin if there is one
    /// (`inline value: allSeeds ? "on every seed" : ...`).
    var comment: String { origin.map { "\(kind.rawValue): \($0)" } ?? kind.rawValue }
}

/// Which texts are worth a catalog entry: those with words in them. Tick labels, numbers,
/// formulas, single symbols ("x₁", "η = 0.01"), code and references are the same in every
/// language, so a text needs a run of two letters, or a Han character, outside math and code.
enum TranslatableText {
    static func hasWords(_ text: String, markdown: Bool) -> Bool {
        let visible = markdown ? stripped(text) : text
        var run = 0
        for scalar in visible.unicodeScalars {
            if CJKSpacing.isHan(scalar) { return true }
            switch scalar.properties.generalCategory {       // not modifier letters: xᵢ is a symbol
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter:
                run += 1
                if run >= 2 { return true }
            default:
                run = 0
            }
        }
        return false
    }

    /// Markdown without what is not prose: math, code spans, references, link targets,
    /// attribute blocks (`{#sec-x}`).
    static func stripped(_ markdown: String) -> String {
        let protected = ProtectedProse(markdown: markdown, firstLine: 1)
        var text = protected.markdown
        for span in CodeSpanScanner.spans(in: text).reversed() { text.replaceSubrange(span.range, with: " ") }
        text = removing(text, open: "](", close: ")")
        text = removing(text, open: "{#", close: "}")
        text = removing(text, open: ProtectedProse.tokenPrefix, close: "X")
        text = removing(text, open: "NBINLINEVALUE", close: "X")
        return text
    }

    private static func removing(_ text: String, open: String, close: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: open) {
            out += rest[..<start.lowerBound] + " "
            guard let end = rest[start.upperBound...].firstRange(of: close) else { return out }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }
}
