/// The last pass over a translated edition's page: units shown in the source language get their
/// marker element, and Chinese text its spacing (`CJKSpacing`). The source edition's pages never
/// go through it, so they stay exactly what they were before editions existed.
enum TranslatedPage {
    static func finish(_ html: String, edition: PageEdition) -> String {
        let marked = markUntranslated(html, strings: edition.strings)
        return edition.language.isCJK ? CJKSpacing.apply(markLatinEmphasis(marked)) : marked
    }

    /// `<em class="latin">` for emphasis without Han characters (a book title, an English term
    /// in Chinese text): Chinese emphasis is emphasis dots, but Latin words keep real italics.
    static func markLatinEmphasis(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstRange(of: "<em>"), let close = rest[open.upperBound...].firstRange(of: "</em>") {
            out += rest[..<open.lowerBound]
            let inner = rest[open.upperBound..<close.lowerBound]
            out += inner.unicodeScalars.contains(where: CJKSpacing.isHan) ? "<em>" : "<em class=\"latin\">"
            out += inner + "</em>"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Replaces each pair of `UntranslatedMarkers` tokens with
    /// `<span class="untranslated" lang="en" data-untranslated="stale" title="...">...</span>` where
    /// the tokens sit in text, and removes them inside tags (attribute values) and in the raw-text
    /// elements `<title>`, `<script>` and `<style>`, which cannot hold markup. The space the
    /// producer put between token and text goes with the token.
    static func markUntranslated(_ html: String, strings: UIStrings) -> String {
        guard html.utf8.firstRange(of: UntranslatedMarkers.prefix.utf8) != nil else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4096)
        let marker = Array(UntranslatedMarkers.prefix.utf8)
        var scanner = MarkupContext()
        var index = 0
        while index < bytes.count {
            if let (id, end) = UntranslatedMarkers.token(in: bytes, at: index, marker: marker) {
                var next = end
                if id == UntranslatedMarkers.endID {
                    if out.last == UInt8(ascii: " ") { out.removeLast() }
                    if scanner.allowsMarkup { out += Array("</span>".utf8) }
                } else {
                    if next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
                    if scanner.allowsMarkup, let reason = UntranslatedMarkers.Reason(rawValue: id) {
                        out += Array(openingTag(reason, strings: strings).utf8)
                    }
                }
                index = next
                continue
            }
            scanner.advance(bytes, at: index)
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func openingTag(_ reason: UntranslatedMarkers.Reason, strings: UIStrings) -> String {
        let title = reason == .missing ? strings.untranslatedMissing : strings.untranslatedStale
        return "<span class=\"untranslated\" lang=\"\(Language.source.htmlTag)\" data-untranslated=\"\(reason.name)\""
            + " title=\"\(HTMLEscaping.attribute(title))\">"
    }
}

/// Where a byte of an HTML document sits: in text, inside a tag, or inside a raw-text element.
/// Fed one byte at a time in order; UTF-8 continuation bytes never look like ASCII, so bytes are
/// enough.
struct MarkupContext {
    private(set) var inTag = false
    private var quote: UInt8?
    private var tagName: [UInt8] = []
    private var readingName = false
    private var closing = false
    /// Inside `<title>`, `<script>` or `<style>`: the element's name.
    private var rawElement: [UInt8]?

    static let rawElements: Set<[UInt8]> = [Array("title".utf8), Array("script".utf8), Array("style".utf8)]

    var allowsMarkup: Bool { !inTag && rawElement == nil }

    /// Updates the context for `bytes[index]`, which is about to be copied.
    mutating func advance(_ bytes: [UInt8], at index: Int) {
        let byte = bytes[index]
        if inTag {
            if let open = quote {
                if byte == open { quote = nil }
                return
            }
            if readingName {
                if Self.isNameByte(byte) { tagName.append(Self.lowercased(byte)); return }
                readingName = false
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte }
            else if byte == UInt8(ascii: ">") {
                inTag = false
                if !closing, Self.rawElements.contains(tagName) { rawElement = tagName }
            }
            return
        }
        guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else { return }
        let next = bytes[index + 1]
        if let raw = rawElement {
            // Only the element's own end tag ends it.
            guard next == UInt8(ascii: "/"), index + 2 + raw.count <= bytes.count,
                  bytes[(index + 2)..<(index + 2 + raw.count)].map(Self.lowercased) == raw else { return }
            rawElement = nil
        }
        guard next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || Self.isNameByte(next) else { return }
        inTag = true
        closing = next == UInt8(ascii: "/")
        tagName = []
        readingName = true
        if closing || next == UInt8(ascii: "!") { readingName = false }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
