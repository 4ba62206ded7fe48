// Math and cross-references must not be seen by the Markdown parser: `$a_1 * b_2$` would turn into
// emphasis, `\\` into `\`. A pre-pass swaps each of them for an alphanumeric token that cmark passes
// through untouched, and the renderer puts the real HTML back afterwards (`ProseHTML`).

/// Something cut out of the Markdown before cmark sees it.
enum ProtectedSpan: Equatable {
    case inlineMath(String)
    case displayMath(String)
    /// `@fig-init-hist` or `@tbl-results`; `line` is the 1-based line in the chapter file.
    case reference(label: String, line: Int)
}

/// Markdown with its math and references replaced by `token(i)`, where `i` indexes `spans`.
struct ProtectedProse {
    var markdown: String
    var spans: [ProtectedSpan]

    static let tokenPrefix = "NBPROTECTED"
    static func token(_ index: Int) -> String { "\(tokenPrefix)\(index)X" }

    /// Scans `markdown` (which starts at `firstLine` of the chapter file) for `$$...$$`, `$...$`
    /// and `@fig-`/`@tbl-` references. Code spans, fenced code and `\$` are left alone.
    ///
    /// Inline math follows Pandoc's rule so prices are not math: the opening `$` is followed by a
    /// non-space, the closing `$` is preceded by a non-space and not followed by a digit, and
    /// inline math does not cross a blank line.
    init(markdown source: String, firstLine: Int) {
        var scanner = ProseScanner(Array(source.unicodeScalars), firstLine: firstLine)
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

    init(_ text: [Unicode.Scalar], firstLine: Int) {
        self.text = text
        self.line = firstLine
    }

    mutating func run() {
        while position < text.count {
            if atLineStart, let fenceEnd = fencedBlockEnd(from: position) {
                copy(upTo: fenceEnd)
                continue
            }
            let c = text[position]
            switch c {
            case "\\":
                copy(upTo: min(position + 2, text.count))
            case "`":
                copy(upTo: codeSpanEnd(from: position))
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

    func run(of character: Unicode.Scalar, at start: Int) -> Int {
        var end = start
        while end < text.count && text[end] == character { end += 1 }
        return end - start
    }

    /// A fence of three or more backticks or tildes (after up to three spaces) runs to the closing
    /// fence of the same character and at least the same length, or to the end of the prose.
    func fencedBlockEnd(from start: Int) -> Int? {
        var i = start
        while i < text.count && i - start < 3 && text[i] == " " { i += 1 }
        guard i < text.count, text[i] == "`" || text[i] == "~" else { return nil }
        let fence = text[i]
        let length = run(of: fence, at: i)
        guard length >= 3 else { return nil }
        var lineStart = nextLine(after: i)
        while lineStart < text.count {
            var j = lineStart
            while j < text.count && j - lineStart < 3 && text[j] == " " { j += 1 }
            if j < text.count && text[j] == fence && run(of: fence, at: j) >= length {
                return nextLine(after: j)
            }
            lineStart = nextLine(after: lineStart)
        }
        return text.count
    }

    func nextLine(after start: Int) -> Int {
        var i = start
        while i < text.count && text[i] != "\n" { i += 1 }
        return min(i + 1, text.count)
    }

    /// A code span opened by n backticks ends at the next run of exactly n backticks; an unmatched
    /// run is literal text.
    func codeSpanEnd(from start: Int) -> Int {
        let n = run(of: "`", at: start)
        var i = start + n
        while i < text.count {
            if text[i] == "`" {
                let m = run(of: "`", at: i)
                if m == n { return i + m }
                i += m
            } else {
                i += 1
            }
        }
        return start + n
    }

    mutating func protectMath() -> Bool {
        if position + 1 < text.count && text[position + 1] == "$" {
            guard let close = closingDollar(from: position + 2, double: true) else { return false }
            let tex = String(String.UnicodeScalarView(text[(position + 2)..<close]))
            emit(.displayMath(tex.trimmingBlankEdges()), replacing: close + 2 - position)
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
            // A code span starting inside "math" means the `$` was literal (`$5 ... `$x$``).
            if !double && c == "`" { return nil }
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

    /// `@fig-label` / `@tbl-label`, not inside a word (so e-mail addresses are left alone).
    /// Labels are letters, digits, `-` and `_`; a trailing `-` or `_` is punctuation.
    mutating func protectReference() -> Bool {
        if position > 0 && isLabelCharacter(text[position - 1]) { return false }
        var end = position + 1
        while end < text.count && isLabelCharacter(text[end]) { end += 1 }
        while end > position + 1 && (text[end - 1] == "-" || text[end - 1] == "_") { end -= 1 }
        let label = String(String.UnicodeScalarView(text[(position + 1)..<end]))
        guard (label.hasPrefix("fig-") || label.hasPrefix("tbl-")) && label.count > 4 else { return false }
        emit(.reference(label: label, line: line), replacing: end - position)
        return true
    }

    func isLabelCharacter(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil || c == "-" || c == "_"
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
