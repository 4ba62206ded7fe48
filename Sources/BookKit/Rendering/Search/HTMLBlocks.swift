import Foundation

/// The searchable blocks of a rendered article, in reading order: headings (with the ids
/// `HeadingAnchors` gave them), paragraphs and figure captions, as plain text.
enum HTMLBlocks {
    enum Block: Equatable {
        case heading(id: String, text: String)
        case paragraph(String)
        case figure(id: String, caption: String)
    }

    /// One forward pass; tags are found in the UTF-8 bytes (a `Substring` search compares whole
    /// characters, several times slower on a long page).
    static func scan(_ html: String) -> [Block] {
        var blocks: [Block] = []
        var rest = Substring(html)
        while let start = rest.utf8.firstIndex(of: UInt8(ascii: "<")) {
            rest = rest[start...]
            if let (level, id, afterOpen) = headingOpen(rest),
               let close = find("</h\(level)>", in: rest[afterOpen...]) {
                var inner = String(rest[afterOpen..<close.lowerBound])
                // Drop the "#" anchor link written before the heading text.
                if inner.hasPrefix("<a class=\"anchor\""), let anchorEnd = find("</a>", in: inner[...]) {
                    inner = String(inner[anchorEnd.upperBound...])
                }
                blocks.append(.heading(id: id, text: text(inner)))
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("<p>"), let close = find("</p>", in: rest) {
                let text = text(String(rest[rest.utf8.index(rest.startIndex, offsetBy: 3)..<close.lowerBound]))
                if !text.isEmpty { blocks.append(.paragraph(text)) }
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("<figure "), let tagEnd = rest.utf8.firstIndex(of: UInt8(ascii: ">")),
                      let id = attribute("id", in: rest[..<tagEnd]),
                      let captionStart = find("<figcaption>", in: rest),
                      let captionEnd = find("</figcaption>", in: rest[captionStart.upperBound...]) {
                blocks.append(.figure(id: id, caption: text(String(rest[captionStart.upperBound..<captionEnd.lowerBound]))))
                rest = rest[captionEnd.upperBound...]
            } else {
                rest = rest[rest.utf8.index(after: start)...]
            }
        }
        return blocks
    }

    /// The first `needle` in `text`, compared byte by byte.
    private static func find(_ needle: String, in text: Substring) -> Range<Substring.Index>? {
        text.utf8.firstRange(of: needle.utf8)
    }

    /// The text a reader sees: tags removed, and math as plain Unicode (`TeXText`) instead of
    /// the TeX it is typeset from.
    static func text(_ html: String) -> String {
        HTMLEscaping.plainText(ofHTML: readableMath(html))
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Every `<span class="math ...">TeX</span>` (its TeX is escaped text, no tags) with its TeX
    /// replaced by `TeXText.plain`.
    private static func readableMath(_ html: String) -> String {
        guard html.contains("class=\"math ") else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<span class=\"math "), let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
              let close = rest[tagEnd...].range(of: "</span>") {
            out += rest[..<open.lowerBound]
            let tex = HTMLEscaping.plainText(ofHTML: String(rest[rest.index(after: tagEnd)..<close.lowerBound]))
            out += HTMLEscaping.text(TeXText.plain(tex))
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// `<h2 id="slug">` as written by `HeadingAnchors`. Looks only at the start of `html` (it is
    /// called at every tag of the article: `html.count` here made the scan quadratic).
    private static func headingOpen(_ html: Substring) -> (Int, String, Substring.Index)? {
        guard html.hasPrefix("<h"), let level = html.dropFirst(2).first?.wholeNumberValue,
              html.dropFirst(3).hasPrefix(" id=\""), let tagEnd = html.utf8.firstIndex(of: UInt8(ascii: ">")),
              let id = attribute("id", in: html[..<tagEnd]) else { return nil }
        return (level, id, html.index(after: tagEnd))
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = find(" \(name)=\"", in: tag) else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return HTMLEscaping.plainText(ofHTML: String(tag[start.upperBound..<end]))
    }
}
