// The woven document: what the weaving stage hands to the rendering stage. Plain values only, so
// rendering tests need no compiler and no chapter program. A cell's outputs, claims, diagnostics
// and status are Codable: the execution stage produces them and the cache stores them as they
// are (`ExecutionResult`), so each kind of output is defined once. The woven chapter is Codable
// too: its encoding is the fingerprint a rendered page is remembered by (`PageCache`).

/// A chapter after its blocks ran: prose and cells in reading order, with everything they produced.
public struct WovenChapter: Sendable, Equatable, Codable {
    /// Path as the user wrote it relative to the book root, e.g. `chapters/05-initialization.md`.
    public var sourcePath: String
    /// File name without extension, e.g. `05-initialization`; the page is `slug + ".html"`.
    public var slug: String
    /// Chapter 5 (`05-...`) or appendix A (`A-...`) from the file name; nil for an unnumbered page.
    public var ordinal: ChapterOrdinal?
    public var title: String
    /// One-line summary for the index page (front matter `summary:`).
    public var summary: String?
    /// The chapter's `code-fold:` front matter: whether its code blocks are folded unless a block
    /// says otherwise; nil leaves it to the book's default.
    public var codeFold: Bool?
    public var items: [WovenItem]
    /// Lines of the front matter's `title:` and `summary:` (nil when the title is the first
    /// heading's or there is no summary), for translation catalogs.
    public var titleLine: Int?
    public var summaryLine: Int?

    public init(sourcePath: String, slug: String, ordinal: ChapterOrdinal?, title: String, summary: String?,
                codeFold: Bool? = nil, items: [WovenItem]) {
        self.sourcePath = sourcePath
        self.slug = slug
        self.ordinal = ordinal
        self.title = title
        self.summary = summary
        self.codeFold = codeFold
        self.items = items
    }

    /// A numbered chapter (or an unnumbered page with `number: nil`).
    public init(sourcePath: String, slug: String, number: Int?, title: String, summary: String?, items: [WovenItem]) {
        self.init(sourcePath: sourcePath, slug: slug, ordinal: number.map(ChapterOrdinal.chapter), title: title,
                  summary: summary, items: items)
    }

    /// The chapter number (`05-...` is 5); nil for an appendix or an unnumbered page.
    public var number: Int? { ordinal?.chapterNumber }

    public var pageName: String { slug + ".html" }
    public var cells: [WovenCell] {
        items.compactMap { if case .cell(let c) = $0 { return c } else { return nil } }
    }
    public var claims: [Claim] {
        cells.flatMap { $0.outputs.compactMap { if case .claim(let c) = $0 { return c } else { return nil } } }
    }
}

public enum WovenItem: Sendable, Equatable, Codable {
    /// Raw Markdown of a prose run starting at `line` (1-based) of the source file. Every inline
    /// `{swift}` span has been replaced by the token `InlineValue.token(id)`; the renderer swaps the
    /// token for the escaped value text after Markdown rendering.
    case prose(markdown: String, line: Int, inlineValues: [InlineValue])
    case cell(WovenCell)
    /// An exercise or a solution starts: what follows, up to the matching `divClose`, is inside.
    case divOpen(FencedDiv)
    case divClose(line: Int)
}

public struct InlineValue: Sendable, Equatable, Codable {
    public var id: Int
    public var expression: String
    public var line: Int
    /// The value's text, or nil when it could not be computed (then `error` says why).
    public var text: String?
    public var error: String?

    public init(id: Int, expression: String, line: Int, text: String?, error: String?) {
        self.id = id
        self.expression = expression
        self.line = line
        self.text = text
        self.error = error
    }

    /// Letters and digits only, so cmark passes it through untouched.
    public static func token(_ id: Int) -> String { "NBINLINEVALUE\(id)X" }
}

public struct WovenCell: Sendable, Equatable, Codable {
    /// 1-based position among the chapter's fenced code blocks.
    public var index: Int
    /// Fence info string's first word: "swift" runs, anything else is only shown.
    public var language: String
    /// Source without the `//|` option lines.
    public var code: String
    /// Line of the opening fence in the chapter file.
    public var line: Int
    public var label: String?
    public var caption: String?
    /// `echo: false` hides the code and shows only the outputs.
    public var echo: Bool
    /// The block's `code-fold` option: true shows the code folded under a one-line summary; nil
    /// follows the chapter's and the book's default.
    public var codeFold: Bool?
    public var outputs: [CellOutput]
    public var status: CellStatus

    public init(index: Int, language: String, code: String, line: Int, label: String? = nil, caption: String? = nil,
                echo: Bool = true, codeFold: Bool? = nil, outputs: [CellOutput] = [], status: CellStatus = .ok) {
        self.index = index
        self.language = language
        self.code = code
        self.line = line
        self.label = label
        self.caption = caption
        self.echo = echo
        self.codeFold = codeFold
        self.outputs = outputs
        self.status = status
    }
}

public enum CellOutput: Sendable, Equatable, Codable {
    /// What the block printed (stdout and stderr, in order).
    case text(String)
    /// The value of the block's last expression, as a notebook shows it.
    case value(String)
    /// `html` is a complete `<table>` from the Plotting module (already escaped).
    case table(html: String, caption: String?, label: String?)
    /// `svg` is a complete `<svg>` element from the Plotting module (already escaped).
    case figure(svg: String, caption: String?, label: String?, alt: String)
    case claim(Claim)
    case diagnostic(Diagnostic)
    /// A trap, a timeout, or an expected error, with the chapter line when known.
    case error(message: String, line: Int?)
    /// Something the reader should know about the output itself (for example "output cut at 1 MiB").
    case notice(String)
}

public struct Claim: Sendable, Equatable, Codable {
    public var text: String
    public var passed: Bool
    /// For approximate claims: "observed 0.0123, expected 0.01 ± 0.005".
    public var detail: String?
    public var line: Int?

    public init(text: String, passed: Bool, detail: String? = nil, line: Int? = nil) {
        self.text = text
        self.passed = passed
        self.detail = detail
        self.line = line
    }
}

public struct Diagnostic: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning, note }
    public var severity: Severity
    public var message: String
    /// Chapter file line and column (after `#sourceLocation` mapping).
    public var line: Int
    public var column: Int

    public init(severity: Severity, message: String, line: Int, column: Int) {
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
    }
}

public enum CellStatus: String, Sendable, Equatable, Codable {
    case ok               // ran and finished
    case failed           // compile error, trap or timeout that was not expected
    case expectedError    // `error: true` and it did fail: shown, not a build failure
    case unexpectedSuccess // `error: true` but it did not fail: reported as a failure
    case notRun           // an earlier block failed, so this one never ran
    case notEvaluated     // `eval: false`, or a non-Swift block
}
