import CCmarkGFM

/// The translatable units of a prose run (Markdown between code cells) and where each sits in
/// it, so a translation can take its place and the rest (list markers, indentation, quote
/// markers, fenced-div lines, code blocks, blank lines) stays as the source has it.
///
/// Units are what cmark-gfm finds: paragraphs (at any depth: in list items and quotes),
/// headings (without `{#id}` attributes or closing `#`s) and table cells. A unit's text is its
/// source with the lines joined by spaces, so re-wrapping a paragraph changes no unit; inline
/// values appear as the `{swift} expression` code span the author wrote. Paragraphs without
/// words (a display formula, a line of numbers) are not units.
struct ProseUnit: Equatable {
    var unit: TranslationUnit
    /// Where the unit's text is: 0-based line indexes of the prose run and UTF-8 offsets in them.
    var startLine: Int, startByte: Int
    var endLine: Int, endByte: Int
    /// Written before the continuation lines of a multi-line replacement (hard line breaks only).
    var continuationPrefix: String
    /// The inline values of the unit, in order: their ids and expressions.
    var inlineValues: [(id: Int, expression: String)]

    static func == (a: ProseUnit, b: ProseUnit) -> Bool {
        a.unit == b.unit && a.startLine == b.startLine && a.startByte == b.startByte && a.endLine == b.endLine
            && a.endByte == b.endByte && a.inlineValues.map(\.id) == b.inlineValues.map(\.id)
    }
}

enum ProseUnits {
    /// The units of one prose run that starts at `firstLine` of its file; `inlineValues` give the
    /// expressions of the run's inline value tokens. In an exercise or a solution (`container`),
    /// its paragraphs and list items are of that kind.
    static func extract(markdown: String, firstLine: Int, inlineValues: [InlineValue],
                        container: TranslationUnit.Kind? = nil) -> [ProseUnit] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        let expressions = Dictionary(inlineValues.map { ($0.id, $0.expression) }, uniquingKeysWith: { a, _ in a })
        var finder = UnitFinder(lines: lines, firstLine: firstLine, expressions: expressions, container: container)
        let document = CmarkDocument(markdown)
        finder.visit(document.root, quoteDepth: 0, inItem: false)
        return finder.units
    }

    /// `markdown` with each unit's text replaced: `replacements[i]` is the new text of `units[i]`
    /// (its `{swift}` spans become the unit's inline value tokens again).
    static func substitute(markdown: String, units: [ProseUnit], replacements: [String]) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        let order = units.indices.sorted { (units[$0].startLine, units[$0].startByte) > (units[$1].startLine, units[$1].startByte) }
        for index in order {
            let unit = units[index]
            var text = InlinePlaceholders.tokens(in: replacements[index], values: unit.inlineValues)
            if unit.unit.kind == .tableCell { text = escapingPipes(text) }
            text = escapingBlockStart(text)
            let newLines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                Array(($0.offset == 0 ? "" : unit.continuationPrefix).utf8) + Array($0.element.utf8)
            }
            let head = Array(lines[unit.startLine][..<unit.startByte])
            let tail = Array(lines[unit.endLine][unit.endByte...])
            var replaced = newLines
            replaced[0] = head + replaced[0]
            replaced[replaced.count - 1] += tail
            lines.replaceSubrange(unit.startLine...unit.endLine, with: replaced)
        }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    /// A `|` in a table cell's text ends the cell unless escaped.
    private static func escapingPipes(_ text: String) -> String {
        var out = ""
        var previous: Character = " "
        for character in text {
            if character == "|" && previous != "\\" { out += "\\" }
            out.append(character)
            previous = character
        }
        return out
    }

    /// A translation that begins like a heading, quote or list item would change the page's
    /// structure; a backslash keeps its first character literal.
    private static func escapingBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#>".contains(first) { return "\\" + text }
        if "-+*".contains(first), text.dropFirst().first == " " { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let marker = text.dropFirst(digits.count).first, ".)".contains(marker),
           text.dropFirst(digits.count + 1).first == " " {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }
}

/// Inline values in unit texts: the prose run carries each as a token (`InlineValue.token`),
/// the catalog as the code span the author wrote, `` `{swift} expression` ``.
enum InlinePlaceholders {
    static let tokenPrefix = "NBINLINEVALUE"

    /// The code span a translator sees for an inline value.
    static func span(_ expression: String) -> String {
        let fence = expression.contains("`") ? "``" : "`"
        let pad = expression.contains("`") ? " " : ""
        return fence + pad + "{swift} " + expression + pad + fence
    }

    /// `text` with its inline value tokens written as code spans, and the values in order.
    static func spans(in text: String, expressions: [Int: String]) -> (String, [(id: Int, expression: String)]) {
        var values: [(id: Int, expression: String)] = []
        let out = TokenReplacer.replace(in: text, prefix: tokenPrefix) { id in
            guard let expression = expressions[id] else { return nil }
            values.append((id, expression))
            return span(expression)
        }
        return (out, values)
    }

    /// The expressions of the `{swift}` code spans of `text`, in order.
    static func expressions(in text: String) -> [String] {
        CodeSpanScanner.spans(in: text).compactMap { span in
            span.content.hasPrefix("{swift}") ? String(span.content.dropFirst("{swift}".count)).trimmingSpaces() : nil
        }
    }

    /// `text` with each `{swift}` code span replaced by the token of the unit's value with that
    /// expression (equal expressions are taken in order); spans no value matches stay as written.
    static func tokens(in text: String, values: [(id: Int, expression: String)]) -> String {
        var available = values
        var out = text
        for span in CodeSpanScanner.spans(in: text).reversed() where span.content.hasPrefix("{swift}") {
            let expression = String(span.content.dropFirst("{swift}".count)).trimmingSpaces()
            // Spans are visited from the end, so take the last value with this expression.
            guard let position = available.lastIndex(where: { $0.expression == expression }) else { continue }
            out.replaceSubrange(span.range, with: InlineValue.token(available[position].id))
            available.remove(at: position)
        }
        return out
    }
}

/// Walks cmark-gfm's tree of one prose run and collects its units.
private struct UnitFinder {
    let lines: [[UInt8]]
    let firstLine: Int
    let expressions: [Int: String]
    /// `.exercise` or `.solution` inside such a div.
    let container: TranslationUnit.Kind?
    var units: [ProseUnit] = []

    mutating func visit(_ node: OpaquePointer, quoteDepth: Int, inItem: Bool) {
        let type = cmark_node_get_type(node)
        let start = Int(cmark_node_get_start_line(node)) - 1
        let end = Int(cmark_node_get_end_line(node)) - 1
        switch type {
        case CMARK_NODE_PARAGRAPH:
            let kind: TranslationUnit.Kind = quoteDepth > 0 ? .quote : inItem ? .listItem : .paragraph
            paragraph(kind: kind, start: start, end: end, column: Int(cmark_node_get_start_column(node)) - 1, quoteDepth: quoteDepth)
            return
        case CMARK_NODE_HEADING:
            heading(start: start, end: end, column: Int(cmark_node_get_start_column(node)) - 1, quoteDepth: quoteDepth)
            return
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            return
        default:
            if String(cString: cmark_node_get_type_string(node)) == "table" {
                table(start: start, end: end)
                return
            }
        }
        var child = cmark_node_first_child(node)
        while let current = child {
            visit(current, quoteDepth: quoteDepth + (type == CMARK_NODE_BLOCK_QUOTE ? 1 : 0),
                  inItem: inItem || type == CMARK_NODE_ITEM)
            child = cmark_node_next(current)
        }
    }

    /// A paragraph of lines `start...end` whose text begins at byte `column` of its first line.
    mutating func paragraph(kind: TranslationUnit.Kind, start: Int, end: Int, column: Int, quoteDepth: Int) {
        guard start >= 0, end < lines.count, start <= end else { return }
        var pieces: [(text: String, hardBreak: Bool)] = []
        var endByte = 0
        var continuationPrefix: [UInt8]?
        for index in start...end {
            let line = lines[index]
            let from = index == start ? min(column, line.count) : Self.containerPrefixLength(line, quoteDepth: quoteDepth)
            if index == start + 1 { continuationPrefix = Array(line[..<from]) }
            var to = line.count
            while to > from, line[to - 1] == UInt8(ascii: " ") || line[to - 1] == UInt8(ascii: "\t") { to -= 1 }
            let trailingSpaces = line.count - to
            var text = String(decoding: line[from..<to], as: UTF8.self)
            var hardBreak = index < end && (trailingSpaces >= 2 || text.hasSuffix("\\"))
            if hardBreak && !text.hasSuffix("\\") { text += "\\" }
            if index == end { endByte = to; hardBreak = false }
            pieces.append((text, hardBreak))
        }
        var joined = ""
        for (offset, piece) in pieces.enumerated() {
            joined += piece.text
            if offset < pieces.count - 1 { joined += piece.hardBreak ? "\n" : " " }
        }
        let prefix = continuationPrefix ?? Array(repeating: UInt8(ascii: " "), count: quoteDepth > 0 ? 0 : min(column, 8))
        add(kind: kind, text: joined, start: start, startByte: min(column, lines[start].count), end: end, endByte: endByte,
            continuationPrefix: String(decoding: quoteDepth > 0 && continuationPrefix == nil ? Array("> ".utf8) : prefix, as: UTF8.self))
    }

    /// An ATX heading (`## Text {#sec-x}`) is its text without markers and attributes; a setext
    /// heading (text, then a `===` or `---` line) is a paragraph of its text lines.
    mutating func heading(start: Int, end: Int, column: Int, quoteDepth: Int) {
        guard start >= 0, end < lines.count else { return }
        let line = lines[start]
        var from = min(column, line.count)
        guard from < line.count, line[from] == UInt8(ascii: "#") else {
            paragraph(kind: .heading, start: start, end: end - 1, column: column, quoteDepth: quoteDepth)
            return
        }
        while from < line.count, line[from] == UInt8(ascii: "#") { from += 1 }
        while from < line.count, line[from] == UInt8(ascii: " ") || line[from] == UInt8(ascii: "\t") { from += 1 }
        var to = line.count
        func trimBlanks() { while to > from, line[to - 1] == UInt8(ascii: " ") || line[to - 1] == UInt8(ascii: "\t") { to -= 1 } }
        trimBlanks()
        // `{#id .class}` at the end (Pandoc attributes), then a closing `###` sequence.
        if to > from, line[to - 1] == UInt8(ascii: "}"), let open = line[from..<to].lastIndex(of: UInt8(ascii: "{")),
           open + 1 < to, line[open + 1] == UInt8(ascii: "#") || line[open + 1] == UInt8(ascii: "."),
           open == from || line[open - 1] == UInt8(ascii: " ") {
            to = open
            trimBlanks()
        }
        var hashes = to
        while hashes > from, line[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
        if hashes < to, hashes == from || line[hashes - 1] == UInt8(ascii: " ") {
            to = hashes
            trimBlanks()
        }
        add(kind: .heading, text: String(decoding: line[from..<to], as: UTF8.self), start: start, startByte: from,
            end: start, endByte: to, continuationPrefix: "")
    }

    /// The cells of a GFM table, lines `start...end`; the second line is the delimiter row.
    mutating func table(start: Int, end: Int) {
        guard start >= 0, end < lines.count, start <= end else { return }
        for index in start...end where index != start + 1 {
            let line = lines[index]
            var position = 0
            while position < line.count, line[position] == UInt8(ascii: " ") { position += 1 }
            if position < line.count, line[position] == UInt8(ascii: "|") { position += 1 }
            while position < line.count {
                var cellEnd = position
                while cellEnd < line.count, line[cellEnd] != UInt8(ascii: "|") {
                    cellEnd += line[cellEnd] == UInt8(ascii: "\\") ? 2 : 1
                }
                cellEnd = min(cellEnd, line.count)
                var from = position, to = cellEnd
                while from < to, line[from] == UInt8(ascii: " ") { from += 1 }
                while to > from, line[to - 1] == UInt8(ascii: " ") { to -= 1 }
                if from < to {
                    add(kind: .tableCell, text: String(decoding: line[from..<to], as: UTF8.self), start: index, startByte: from,
                        end: index, endByte: to, continuationPrefix: "")
                }
                position = cellEnd + 1
            }
        }
    }

    mutating func add(kind: TranslationUnit.Kind, text raw: String, start: Int, startByte: Int, end: Int, endByte: Int,
                      continuationPrefix: String) {
        let kind = kind == .heading || kind == .tableCell ? kind : container ?? kind
        let (text, values) = InlinePlaceholders.spans(in: raw, expressions: expressions)
        guard TranslatableText.hasWords(text, markdown: true) else { return }
        units.append(ProseUnit(unit: TranslationUnit(kind: kind, text: text, line: firstLine + start),
                               startLine: start, startByte: startByte, endLine: end, endByte: endByte,
                               continuationPrefix: continuationPrefix, inlineValues: values))
    }

    /// Bytes of a continuation line that belong to its containers: indentation and, inside
    /// block quotes, one `>` (with an optional space) per quote level.
    static func containerPrefixLength(_ line: [UInt8], quoteDepth: Int) -> Int {
        var index = 0
        var quotes = 0
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1; continue }
            if byte == UInt8(ascii: ">") && quotes < quoteDepth { quotes += 1; index += 1; continue }
            break
        }
        return index
    }
}
