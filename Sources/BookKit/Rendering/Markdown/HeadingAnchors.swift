import Foundation

/// A heading of a chapter page, for the sidebar's table of contents and the search index.
struct PageHeading: Equatable {
    var level: Int
    var id: String
    /// Plain text (tags removed), for search.
    var text: String
    /// Inner HTML (math, code), for the table of contents.
    var html: String
}

/// Gives every `<hN>` cmark wrote an `id` and a visible `#` anchor link, and collects them.
enum HeadingAnchors {
    /// Rewrites `<h2>Text</h2>` to `<h2 id="text"><a class="anchor" href="#text">#</a>Text</h2>`.
    /// An `<h1>` whose text equals `dropTitle` is removed: the page already shows the chapter
    /// title, and chapters often repeat it as their first line.
    static func process(_ html: String, slugs: inout SlugAllocator, dropTitle: String?,
                        anchorLabel: String = UIStrings.english.anchorLabel) -> (html: String, headings: [PageHeading]) {
        var out = ""
        var headings: [PageHeading] = []
        var rest = Substring(html)
        while let open = nextHeadingOpen(in: rest) {
            out += rest[..<open.range.lowerBound]
            let closeTag = "</h\(open.level)>"
            guard let close = rest[open.range.upperBound...].firstRange(of: closeTag) else {
                out += rest[open.range]
                rest = rest[open.range.upperBound...]
                continue
            }
            let inner = String(rest[open.range.upperBound..<close.lowerBound])
            let text = HTMLEscaping.plainText(ofHTML: inner).trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if open.level == 1, let title = dropTitle, text == title { continue }
            let id = slugs.allocate(for: text)
            headings.append(PageHeading(level: open.level, id: id, text: text, html: inner))
            out += "<h\(open.level) id=\"\(HTMLEscaping.attribute(id))\">"
                + "<a class=\"anchor\" href=\"#\(HTMLEscaping.attribute(id))\" aria-label=\"\(HTMLEscaping.attribute(anchorLabel))\">#</a>"
                + inner + closeTag
        }
        out += rest
        return (out, headings)
    }

    /// cmark writes headings as a bare `<hN>` tag (no attributes without the sourcepos option).
    private static func nextHeadingOpen(in html: Substring) -> (level: Int, range: Range<Substring.Index>)? {
        var best: (level: Int, range: Range<Substring.Index>)?
        for level in 1...6 {
            if let r = html.firstRange(of: "<h\(level)>"), best == nil || r.lowerBound < best!.range.lowerBound {
                best = (level, r)
            }
        }
        return best
    }
}


