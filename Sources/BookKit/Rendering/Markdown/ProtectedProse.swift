// Math and cross-references must not be seen by the Markdown parser: `$a_1 * b_2$` would turn into
// emphasis, `\\` into `\`. A pre-pass swaps each of them for an alphanumeric token that cmark passes
// through untouched, and the renderer puts the real HTML back afterwards (`ProseHTML`).

/// Something cut out of the Markdown before cmark sees it.
enum ProtectedSpan: Equatable {
    case inlineMath(String)
    /// `$$ ... $$`, or `$$ ... $$ {#eq-label}` for a numbered equation; `line` is where it opens.
    case displayMath(String, label: String?, line: Int)
    /// `@fig-init-hist`, `@tbl-results`, `@eq-xavier` or `@sec-dropout`; `line` is the 1-based
    /// line in the chapter file.
    case reference(label: String, line: Int)
}

/// Markdown with its math and references replaced by `token(i)`, where `i` indexes `spans`.
struct ProtectedProse {
    var markdown: String
    var spans: [ProtectedSpan]

    static let tokenPrefix = "NBPROTECTED"
    static func token(_ index: Int) -> String { "\(tokenPrefix)\(index)X" }

    /// Scans `markdown` (which starts at `firstLine` of the chapter file) for `$$...$$` (with an
    /// optional `{#eq-label}` after it), `$...$` and `@fig-`/`@tbl-`/`@eq-`/`@sec-` references. Code spans, code blocks (fenced or indented, as cmark-gfm
    /// finds them) and `\$` are left alone.
    ///
    /// Inline math follows Pandoc's rule so prices are not math: the opening `$` is followed by a
    /// non-space, the closing `$` is preceded by a non-space and not followed by a digit, and
    /// inline math does not cross a blank line. It may contain a lone backtick, but a whole code
    /// span after an opening `$` means that `$` was literal (`$5 ... `$x$``).
    init(markdown source: String, firstLine: Int) {
        var scanner = ProseScanner(Array(source.unicodeScalars), firstLine: firstLine,
                                   codeLines: CmarkDocument(source).codeBlockLines())
        scanner.run()
        markdown = scanner.output
        spans = scanner.spans
    }
}

private struct ProseScanner {
    let text: [Unicode.Scalar]
    var position = 0
    var line: Int
    var output = ""
    var spans: [ProtectedSpan] = []
    /// Lines of the scanned text (1-based) that belong to code blocks.
    let codeLines: Set<Int>
    let firstLine: Int

    init(_ text: [Unicode.Scalar], firstLine: Int, codeLines: Set<Int>) {
        self.text = text
        self.line = firstLine
        self.firstLine = firstLine
        self.codeLines = codeLines
    }

    mutating func run() {
        while position < text.count {
            if atLineStart, codeLines.contains(line - firstLine + 1) {
                copy(upTo: nextLine(after: position))
                continue
            }
            let c = text[position]
            switch c {
            case "\\":
                copy(upTo: min(position + 2, text.count))
            case "`":
                copy(upTo: CodeSpanScanner.span(in: text, openingAt: position)?.end ?? CodeSpanScanner.runEnd(text, from: position))
            case "$":
                if !protectMath() { copy(upTo: position + 1) }
            case "@":
                if !protectReference() { copy(upTo: position + 1) }
            default:
                copy(upTo: position + 1)
            }
        }
    }

    var atLineStart: Bool { position == 0 || text[position - 1] == "\n" }

    /// Copies `text[position..<end]` verbatim, counting lines.
    mutating func copy(upTo end: Int) {
        while position < end {
            if text[position] == "\n" { line += 1 }
            output.unicodeScalars.append(text[position])
            position += 1
        }
    }

    /// Skips `count` scalars without copying them, counting lines.
    mutating func skip(_ count: Int) {
        for i in position..<(position + count) where text[i] == "\n" { line += 1 }
        position += count
    }

    mutating func emit(_ span: ProtectedSpan, replacing count: Int) {
        output += ProtectedProse.token(spans.count)
        spans.append(span)
        skip(count)
    }

    func nextLine(after start: Int) -> Int {
        var i = start
        while i < text.count && text[i] != "\n" { i += 1 }
        return min(i + 1, text.count)
    }

    mutating func protectMath() -> Bool {
        if position + 1 < text.count && text[position + 1] == "$" {
            guard let close = closingDollar(from: position + 2, double: true) else { return false }
            let tex = String(String.UnicodeScalarView(text[(position + 2)..<close]))
            let (label, end) = equationLabel(after: close + 2)
            emit(.displayMath(tex.trimmingBlankEdges(), label: label, line: line), replacing: end - position)
            return true
        }
        guard position + 1 < text.count, !text[position + 1].properties.isWhitespace,
              let close = closingDollar(from: position + 1, double: false) else { return false }
        let tex = String(String.UnicodeScalarView(text[(position + 1)..<close]))
        emit(.inlineMath(tex), replacing: close + 1 - position)
        return true
    }

    func closingDollar(from start: Int, double: Bool) -> Int? {
        var i = start
        while i < text.count {
            let c = text[i]
            if c == "\\" { i += 2; continue }
            if !double && c == "\n" && i + 1 < text.count && isBlankLine(from: i + 1) { return nil }
            // A whole code span inside "math" means the `$` was literal (`$5 ... `$x$``); a lone
            // backtick is math like any other character.
            if !double && c == "`" {
                if CodeSpanScanner.span(in: text, openingAt: i) != nil { return nil }
                i = CodeSpanScanner.runEnd(text, from: i)
                continue
            }
            if c == "$" {
                if double {
                    if i + 1 < text.count && text[i + 1] == "$" { return i }
                } else if !text[i - 1].properties.isWhitespace
                            && !(i + 1 < text.count && text[i + 1].properties.numericType != nil) {
                    return i
                }
            }
            i += 1
        }
        return nil
    }

    func isBlankLine(from start: Int) -> Bool {
        var i = start
        while i < text.count && text[i] != "\n" {
            if !text[i].properties.isWhitespace { return false }
            i += 1
        }
        return true
    }

    /// `{#label}` after spaces on the closing line of a display formula: the label and the index
    /// after the closing brace, or nil and `start` when there is none.
    func equationLabel(after start: Int) -> (String?, Int) {
        var i = start
        while i < text.count && (text[i] == " " || text[i] == "\t") { i += 1 }
        guard i + 2 < text.count, text[i] == "{", text[i + 1] == "#" else { return (nil, start) }
        var end = i + 2
        while end < text.count && isLabelCharacter(text[end]) { end += 1 }
        guard end < text.count, text[end] == "}", end > i + 2 else { return (nil, start) }
        return (String(String.UnicodeScalarView(text[(i + 2)..<end])), end + 1)
    }

    /// `@fig-label`, `@tbl-label`, `@eq-label`, `@sec-label`, not inside a word (so e-mail
    /// addresses are left alone). Labels are ASCII letters, digits, `-` and `_`; a trailing `-`
    /// or `_` is punctuation. Only ASCII counts, so a reference may touch Chinese text, as a
    /// translation writes it without spaces: `见@fig-loss和@tbl-loss` (Han characters are letters).
    mutating func protectReference() -> Bool {
        if position > 0 && isLabelCharacter(text[position - 1]) { return false }
        guard let (label, end) = ProtectedProse.referenceLabel(in: text, at: position) else { return false }
        emit(.reference(label: label, line: line), replacing: end - position)
        return true
    }

    func isLabelCharacter(_ c: Unicode.Scalar) -> Bool {
        ProtectedProse.isLabelCharacter(c)
    }
}

extension ProtectedProse {
    /// ASCII letters, digits, `-` and `_`: the rule headings' `{#label}` use too.
    static func isLabelCharacter(_ c: Unicode.Scalar) -> Bool {
        HeadingAttributes.isLabelCharacter(Character(c))
    }

    /// The reference label after the `@` at `sign`, and where it ends: ASCII letters, digits, `-` and `_`,
    /// without a trailing `-` or `_` (punctuation), with a reference prefix (`fig-x`, not `fig-`).
    static func referenceLabel<Scalars: BidirectionalCollection<Unicode.Scalar>>(
        in text: Scalars, at sign: Scalars.Index) -> (label: String, end: Scalars.Index)? {
        let start = text.index(after: sign)
        var end = start
        while end < text.endIndex && isLabelCharacter(text[end]) { end = text.index(after: end) }
        while end > start {
            let last = text[text.index(before: end)]
            guard last == "-" || last == "_" else { break }
            end = text.index(before: end)
        }
        var label = ""
        label.unicodeScalars.append(contentsOf: text[start..<end])
        return ReferenceTable.isReferenceLabel(label) ? (label, end) : nil
    }

    /// Every label that an `@` in `text` could refer to, by the rule of `referenceLabel`, but
    /// anywhere: in code spans and blocks, inside words, in any string of an encoded value. So
    /// it holds every reference of every prose run in `text` (and perhaps more), which is what
    /// keying a page by the labels it cites needs (`PageCache`): too many only costs a render.
    static func mentionedLabels(in text: String) -> Set<String> {
        var labels: Set<String> = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while let at = scalars[index...].firstIndex(of: "@") {
            if let (label, _) = referenceLabel(in: scalars, at: at) { labels.insert(label) }
            index = scalars.index(after: at)
        }
        return labels
    }
}

private extension String {
    /// Display math keeps its inner line breaks (aligned environments) but not blank edges.
    func trimmingBlankEdges() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
