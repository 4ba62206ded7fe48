/// Finds CommonMark code spans in raw Markdown text, with their exact source range and line, so
/// an inline `{swift}` span can be replaced in the prose slice in place. cmark-gfm's tree gives
/// the span's text but not reliable inline positions, so the two are matched in reading order
/// (see `ChapterParser`).
struct CodeSpanScanner {
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
        var result: [Span] = []
        var index = text.startIndex
        var line = 1
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" { line += 1; index = text.index(after: index); continue }
            if character == "\\" {                       // an escaped backtick opens nothing
                index = text.index(after: index)
                if index < text.endIndex, text[index] != "\n" { index = text.index(after: index) }
                continue
            }
            guard character == "`" else { index = text.index(after: index); continue }
            let openStart = index
            let openEnd = runEnd(text, from: index)
            let width = text.distance(from: openStart, to: openEnd)
            guard let (closeStart, closeEnd) = closingRun(text, from: openEnd, width: width) else {
                index = openEnd                          // unmatched run is literal text
                continue
            }
            let raw = String(text[openEnd..<closeStart])
            result.append(Span(range: openStart..<closeEnd, content: normalize(raw), line: line))
            line += raw.filter { $0 == "\n" }.count
            index = closeEnd
        }
        return result
    }

    private static func runEnd(_ text: String, from start: String.Index) -> String.Index {
        var end = start
        while end < text.endIndex, text[end] == "`" { end = text.index(after: end) }
        return end
    }

    /// The next backtick run of exactly `width`, not crossing a blank line (a paragraph end).
    private static func closingRun(_ text: String, from start: String.Index, width: Int) -> (String.Index, String.Index)? {
        var index = start
        var previousWasNewline = false
        while index < text.endIndex {
            let character = text[index]
            if character == "`" {
                let end = runEnd(text, from: index)
                if text.distance(from: index, to: end) == width { return (index, end) }
                index = end
                previousWasNewline = false
                continue
            }
            if character == "\n" {
                if previousWasNewline { return nil }
                previousWasNewline = true
            } else if character != " " && character != "\t" {
                previousWasNewline = false
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func normalize(_ raw: String) -> String {
        let spaced = raw.replacingNewlines()
        if spaced.count >= 2, spaced.first == " ", spaced.last == " ", spaced.contains(where: { $0 != " " }) {
            return String(spaced.dropFirst().dropLast())
        }
        return spaced
    }
}

private extension String {
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r\n" ? " " : $0 })
    }
}
