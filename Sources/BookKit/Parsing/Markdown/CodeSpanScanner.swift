/// CommonMark code spans in raw Markdown text: the one set of rules for where a span starts and
/// ends, shared by the parser (which finds inline `{swift}` spans with their exact source range
/// and line, since cmark-gfm's tree gives a span's text but not reliable inline positions) and by
/// the prose renderer's math protection (which must leave code alone).
///
/// Rules (CommonMark 0.31, 6.1): a run of n backticks opens a span that ends at the next run of
/// exactly n backticks; a span does not cross a blank line (that ends the paragraph); an opening
/// run without a closing one is literal text; a backslash before a backtick makes it literal.
enum CodeSpanScanner {
    struct Span: Equatable {
        /// Range of the whole span including its backticks.
        var range: Range<String.Index>
        /// Content as CommonMark defines it: line breaks become spaces, and one space is stripped
        /// from each side when both sides have one.
        var content: String
        /// 1-based line of the opening backticks within the scanned text.
        var line: Int
    }

    static func spans(in text: String) -> [Span] {
        let scalars = text.unicodeScalars
        var result: [Span] = []
        var index = scalars.startIndex
        var line = 1
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" { line += 1; index = scalars.index(after: index); continue }
            if scalar == "\\" {                          // an escaped backtick opens nothing
                index = scalars.index(after: index)
                if index < scalars.endIndex, scalars[index] != "\n" { index = scalars.index(after: index) }
                continue
            }
            guard scalar == "`" else { index = scalars.index(after: index); continue }
            guard let span = span(in: scalars, openingAt: index) else {
                index = runEnd(scalars, from: index)     // unmatched run is literal text
                continue
            }
            let raw = String(String.UnicodeScalarView(scalars[span.content]))
            result.append(Span(range: index..<span.end, content: normalize(raw), line: line))
            line += raw.filter { $0 == "\n" }.count
            index = span.end
        }
        return result
    }

    /// The span whose opening backtick run starts at `start`: its content range and the index
    /// after its closing run; nil when the run is literal text.
    static func span<C: BidirectionalCollection>(in text: C, openingAt start: C.Index) -> (content: Range<C.Index>, end: C.Index)?
    where C.Element == Unicode.Scalar {
        let openEnd = runEnd(text, from: start)
        let width = text.distance(from: start, to: openEnd)
        var index = openEnd
        var previousWasNewline = false
        while index < text.endIndex {
            let scalar = text[index]
            if scalar == "`" {
                let end = runEnd(text, from: index)
                if text.distance(from: index, to: end) == width { return (openEnd..<index, end) }
                index = end
                previousWasNewline = false
                continue
            }
            if scalar == "\n" {
                if previousWasNewline { return nil }
                previousWasNewline = true
            } else if scalar != " " && scalar != "\t" {
                previousWasNewline = false
            }
            index = text.index(after: index)
        }
        return nil
    }

    static func runEnd<C: BidirectionalCollection>(_ text: C, from start: C.Index) -> C.Index where C.Element == Unicode.Scalar {
        var end = start
        while end < text.endIndex, text[end] == "`" { end = text.index(after: end) }
        return end
    }

    private static func normalize(_ raw: String) -> String {
        let spaced = String(raw.map { $0 == "\n" || $0 == "\r\n" ? " " : $0 })
        if spaced.count >= 2, spaced.first == " ", spaced.last == " ", spaced.contains(where: { $0 != " " }) {
            return String(spaced.dropFirst().dropLast())
        }
        return spaced
    }
}
