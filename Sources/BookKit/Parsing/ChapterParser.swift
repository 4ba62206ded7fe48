import Foundation

/// Stage 1: turns a chapter file's text into a `ParsedChapter`: front matter, fenced blocks with
/// their options and lines, fenced divs (`::: exercise`), prose slices between them, and inline
/// `{swift}` spans.
public struct ChapterParser {
    public init() {}

    /// - Parameters:
    ///   - text: the whole chapter file.
    ///   - sourcePath: the path relative to the book root used in messages (`chapters/x.md`).
    public func parse(_ text: String, sourcePath: String) throws -> ParsedChapter {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let (frontMatter, body) = try FrontMatter.split(normalized, file: sourcePath)
        let outline = MarkdownOutline(markdown: body)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let name = ChapterFile.slug(of: sourcePath)

        var parts: [ChapterPart] = []
        var inlines: [InlineSpan] = []
        var pendingSpans = outline.codeSpans.filter(isInlineSwift)[...]
        var nextProseLine = 1
        var lastBlock = 0

        func addProse(upTo endLine: Int, nesting: inout FencedDivNesting) throws {   // lines nextProseLine..<endLine
            guard endLine > nextProseLine else { return }
            var markdown = lines[(nextProseLine - 1)..<min(endLine - 1, lines.count)].joined(separator: "\n")
            var replacements: [(range: Range<String.Index>, id: Int)] = []
            for span in CodeSpanScanner.spans(in: markdown) where isInlineSwift(span.content) {
                guard span.content == pendingSpans.first else { continue }   // not a real span (HTML, code)
                pendingSpans.removeFirst()
                let expression = String(span.content.dropFirst("{swift}".count)).trimmingSpaces()
                let line = nextProseLine + span.line - 1
                guard !expression.isEmpty else {
                    throw BookError(stage: .parse, file: sourcePath, line: line, message: "inline `{swift}` span has no expression")
                }
                let id = inlines.count + 1
                inlines.append(InlineSpan(id: id, expression: expression, line: line, afterBlock: lastBlock))
                replacements.append((span.range, id))
            }
            // Replace from the end so earlier ranges stay valid.
            for replacement in replacements.reversed() {
                markdown.replaceSubrange(replacement.range, with: InlineValue.token(replacement.id))
            }
            let ids = replacements.map(\.id)
            if !markdown.trimmingSpaces().replacingOccurrences(of: "\n", with: "").isEmpty || !ids.isEmpty {
                parts.append(.prose(markdown: markdown, line: nextProseLine, inlineIDs: ids))
                nesting.content()
            }
        }

        // Code blocks and fenced-div lines, in line order, cut the prose into slices.
        var nesting = FencedDivNesting(file: sourcePath)
        var blocks = outline.blocks.enumerated().makeIterator()
        var nextBlock = blocks.next()
        for (offset, text) in lines.enumerated() {
            let line = offset + 1
            if let (position, fenced) = nextBlock, fenced.startLine == line {
                try addProse(upTo: fenced.startLine, nesting: &nesting)
                let block = try makeBlock(fenced, index: position + 1, file: sourcePath)
                parts.append(.block(block))
                nesting.content()
                lastBlock = block.index
                nextProseLine = fenced.endLine + 1
                nextBlock = blocks.next()
                continue
            }
            guard line >= nextProseLine, !outline.codeLines.contains(line),
                  let fence = try FenceLine.parse(text, number: line, file: sourcePath) else { continue }
            try addProse(upTo: line, nesting: &nesting)
            switch fence {
            case .open(let kind, let label):
                parts.append(.divOpen(try nesting.opening(kind: kind, label: label, line: line)))
            case .close:
                try nesting.closing(line: line)
                parts.append(.divClose(line: line))
            }
            nextProseLine = line + 1
        }
        try addProse(upTo: lines.count + 1, nesting: &nesting)
        try nesting.finish()

        let title = frontMatter.title ?? outline.firstHeading ?? name
        return ParsedChapter(sourcePath: sourcePath, slug: name, ordinal: ChapterFile.ordinal(of: sourcePath),
                             title: title, frontMatter: frontMatter, parts: parts, inlines: inlines)
    }

    private func isInlineSwift(_ content: String) -> Bool {
        content.hasPrefix("{swift}")
    }

    private func makeBlock(_ fenced: MarkdownOutline.FencedBlock, index: Int, file: String) throws -> CodeBlock {
        let language = fenced.info.split(separator: " ").first.map { String($0).lowercased() } ?? ""
        var code = fenced.code
        if code.hasSuffix("\n") { code.removeLast() }
        let firstCodeLine = fenced.startLine + 1
        var options = BlockOptions()
        var optionLines = 0
        if language == "swift" {
            (options, optionLines) = try BlockOptions.parse(code, firstLine: firstCodeLine, file: file)
            code = code.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(optionLines).joined(separator: "\n")
        }
        return CodeBlock(index: index, language: language, code: code, line: fenced.startLine,
                         codeLine: firstCodeLine + optionLines, endLine: fenced.endLine, options: options)
    }
}
