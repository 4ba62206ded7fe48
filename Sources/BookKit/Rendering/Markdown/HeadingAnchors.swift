import Foundation

/// A heading of a chapter page, for the sidebar's table of contents and the search index.
struct PageHeading: Equatable {
    var level: Int
    var id: String
    /// Plain text (tags removed), for search.
    var text: String
    /// Inner HTML (section number, math, code), for the table of contents.
    var html: String
}

/// Gives every `<hN>` cmark wrote an `id` and a visible `#` anchor link, numbers it, and collects
/// them. A `{#sec-label}` at the end of a heading (`HeadingAttributes`) becomes its id.
enum HeadingAnchors {
    /// Rewrites `<h2>Text {#sec-x}</h2>` to
    /// `<h2 id="sec-x"><a class="anchor" href="#sec-x">#</a><span class="section-number">5.2</span> Text</h2>`.
    /// An `<h1>` whose text equals `dropTitle` is removed: the page already shows the chapter
    /// title, and chapters often repeat it as their first line.
    static func process(_ html: String, slugs: inout SlugAllocator, dropTitle: String?, numbering: inout SectionNumbering,
                        anchorLabel: String = UIStrings.english.anchorLabel) -> (html: String, headings: [PageHeading]) {
        var out = ""
        var headings: [PageHeading] = []
        var rest = Substring(html)
        while let heading = nextHeading(in: rest) {
            out += rest[..<heading.range.lowerBound]
            rest = rest[heading.range.upperBound...]
            let attributes = HeadingAttributes(heading.inner)
            let text = HTMLEscaping.plainText(ofHTML: attributes.text).trimmingCharacters(in: .whitespaces)
            if heading.level == 1, let title = dropTitle, text == title { continue }
            let id = slugs.id(label: attributes.label, text: text)
            let number = numbering.next(level: heading.level, unnumbered: attributes.unnumbered)
            let inner = (number.map { "<span class=\"section-number\">\($0)</span> " } ?? "") + attributes.text
            headings.append(PageHeading(level: heading.level, id: id, text: text, html: inner))
            out += "<h\(heading.level) id=\"\(HTMLEscaping.attribute(id))\">"
                + "<a class=\"anchor\" href=\"#\(HTMLEscaping.attribute(id))\" aria-label=\"\(HTMLEscaping.attribute(anchorLabel))\">#</a>"
                + inner + "</h\(heading.level)>"
        }
        out += rest
        return (out, headings)
    }

    /// The same without section numbers.
    static func process(_ html: String, slugs: inout SlugAllocator, dropTitle: String?) -> (html: String, headings: [PageHeading]) {
        var unnumbered = SectionNumbering(prefix: nil)
        return process(html, slugs: &slugs, dropTitle: dropTitle, numbering: &unnumbered)
    }

    /// The headings of `html` in order: level and inner HTML.
    static func headings(in html: String) -> [(level: Int, inner: String)] {
        var found: [(level: Int, inner: String)] = []
        var rest = Substring(html)
        while let heading = nextHeading(in: rest) {
            found.append((heading.level, heading.inner))
            rest = rest[heading.range.upperBound...]
        }
        return found
    }

    /// The next complete `<hN>...</hN>` (cmark writes the opening tag bare: no attributes without
    /// the sourcepos option). One forward scan over the bytes: looking for each of `<h1>`...`<h6>`
    /// from here to the end on every call made whole-page work per heading (quadratic on long
    /// pages), and a `Substring` search compares whole characters.
    private static func nextHeading(in html: Substring) -> (level: Int, inner: String, range: Range<Substring.Index>)? {
        let bytes = html.utf8
        var position = bytes.startIndex
        while let open = bytes[position...].firstIndex(of: UInt8(ascii: "<")) {
            position = bytes.index(after: open)
            guard let level = openingLevel(bytes, at: open) else { continue }
            let afterOpen = bytes.index(open, offsetBy: 4)
            guard let close = bytes[afterOpen...].firstRange(of: "</h\(level)>".utf8) else { continue }
            return (level, String(html[afterOpen..<close.lowerBound]), open..<close.upperBound)
        }
        return nil
    }

    /// N when `<hN>` (N from 1 to 6) starts at `index`.
    private static func openingLevel(_ bytes: Substring.UTF8View, at index: Substring.Index) -> Int? {
        guard bytes.distance(from: index, to: bytes.endIndex) >= 4 else { return nil }
        let h = bytes.index(after: index), digit = bytes.index(after: h), end = bytes.index(after: digit)
        guard bytes[h] == UInt8(ascii: "h"), bytes[end] == UInt8(ascii: ">"),
              (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[digit]) else { return nil }
        return Int(bytes[digit] - UInt8(ascii: "0"))
    }
}
