/// A chapter after parsing: what the execution and weaving stages work from.
public struct ParsedChapter: Sendable, Equatable {
    /// Path relative to the book root, e.g. `chapters/05-initialization.md`; also the file name
    /// the generated program's `#sourceLocation` uses, so diagnostics name it.
    public var sourcePath: String
    public var slug: String
    /// Chapter 5 or appendix A, from the file name; nil for an unnumbered page.
    public var ordinal: ChapterOrdinal?
    public var number: Int? { ordinal?.chapterNumber }
    /// Front matter title, else the first `# heading`, else the slug.
    public var title: String
    public var frontMatter: FrontMatter
    public var parts: [ChapterPart]
    public var inlines: [InlineSpan]

    /// Every fenced block, in order.
    public var blocks: [CodeBlock] {
        parts.compactMap { if case .block(let block) = $0 { return block } else { return nil } }
    }
    /// Blocks that the chapter program runs (Swift, `eval` not false).
    public var runnableBlocks: [CodeBlock] { blocks.filter(\.runs) }
}

public enum ChapterPart: Sendable, Equatable {
    /// Raw Markdown of lines `line...` with every inline span replaced by its token.
    case prose(markdown: String, line: Int, inlineIDs: [Int])
    case block(CodeBlock)
    /// `::: exercise` or `::: solution`: what follows, up to the matching `.divClose`, is inside.
    case divOpen(FencedDiv)
    /// The `:::` line that closes the innermost open div.
    case divClose(line: Int)
}

public struct CodeBlock: Sendable, Equatable {
    /// 1-based position among the chapter's fenced blocks.
    public var index: Int
    public var language: String
    /// Code without the `//|` option lines.
    public var code: String
    /// Line of the opening fence.
    public var line: Int
    /// Line of the first code line after the option lines.
    public var codeLine: Int
    /// Line of the closing fence.
    public var endLine: Int
    public var options: BlockOptions

    public var isSwift: Bool { language == "swift" }
    /// Runs in the chapter program (an `error: true` block runs in its own probe program instead).
    public var runs: Bool { isSwift && options.eval }
    /// Name of the block's random stream and in progress lines: its label, or `block<N>`.
    public var streamName: String { options.label ?? "block\(index)" }
}

/// An inline `{swift} expr` code span in prose.
public struct InlineSpan: Sendable, Equatable {
    public var id: Int
    public var expression: String
    public var line: Int
    /// Index of the last fenced block above the span (0 when none): the span is evaluated after it.
    public var afterBlock: Int
}
