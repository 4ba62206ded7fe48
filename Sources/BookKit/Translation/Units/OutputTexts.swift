/// The translatable text inside what chapter programs output: charts (SVG from the Plotting
/// module) and tables (HTML from `Table`). Records keep the English; a translated edition gets
/// its text by rewriting these strings, so the program runs once for every edition.
enum ChartText {
    /// Text elements (axis titles, tick labels, legend entries, the chart title; label markup
    /// as notation), the root's `<title>`, and its text alternative (`aria-label`, `<desc>`).
    static func units(svg: String, line: Int) -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        _ = rewrite(svg) { kind, text in
            if TranslatableText.hasWords(text, markdown: false) { units.append(TranslationUnit(kind: kind, text: text, line: line)) }
            return nil
        }
        return units
    }

    /// `svg` with each text replaced by `translate(kind, sourceText)`: a translation, or nil to
    /// keep the source text (then the element says so with `lang`).
    static func translate(svg: String, _ translate: (TranslationUnit.Kind, String) -> String?) -> String {
        rewrite(svg, translate)
    }

    private static func rewrite(_ svg: String, _ translate: (TranslationUnit.Kind, String) -> String?) -> String {
        guard svg.hasPrefix("<svg"), let rootEnd = svg.firstIndex(of: ">") else { return svg }
        var rootTag = String(svg[...rootEnd])
        let baseSize = Double(SVGAttributes.value("font-size", in: rootTag) ?? "") ?? 12
        var description: String?
        if let label = SVGAttributes.value("aria-label", in: rootTag), let translated = translate(.chartDescription, label) {
            rootTag = replacingAttribute("aria-label", in: rootTag, with: translated)
            description = translated
        }
        var out = rootTag
        var rest = svg[svg.index(after: rootEnd)...]
        var sawTitle = false
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            rest = rest[open...]
            if !sawTitle, rest.hasPrefix("<title>"), let close = rest.firstRange(of: "</title>") {
                sawTitle = true
                let text = HTMLEscaping.plainText(ofHTML: String(rest[rest.index(rest.startIndex, offsetBy: 7)..<close.lowerBound]))
                out += "<title>" + escape(translate(.chartText, text) ?? text) + "</title>"
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("<desc>"), let close = rest.firstRange(of: "</desc>") {
                let text = HTMLEscaping.plainText(ofHTML: String(rest[rest.index(rest.startIndex, offsetBy: 6)..<close.lowerBound]))
                out += "<desc>" + escape(description ?? translate(.chartDescription, text) ?? text) + "</desc>"
                rest = rest[close.upperBound...]
            } else if let first = TextElement(rest, baseSize: baseSize) {
                // A label the Plotting module wrapped over several lines is one unit.
                var group = [first]
                rest = rest[first.end...]
                while let blank = rest.firstIndex(where: { !$0.isWhitespace }), rest[blank...].hasPrefix("<text"),
                      let next = TextElement(rest[blank...], baseSize: baseSize), next.continues(group.last!) {
                    group.append(next)
                    rest = rest[next.end...]
                }
                out += translated(group, translate)
            } else {
                out.append("<")
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }

    /// The elements of a (possibly wrapped) label, translated: the lines' notations joined by
    /// spaces are the unit; a translation goes on as few of the lines as it fits on.
    private static func translated(_ group: [TextElement], _ translate: (TranslationUnit.Kind, String) -> String?) -> String {
        let source = group.map(\.text.notation).joined(separator: " ")
        guard TranslatableText.hasWords(source, markdown: false) else { return group.map(\.markup).joined() }
        guard let translation = translate(.chartText, source) else {
            return group.map { $0.markup(tag: String($0.tag.dropLast()) + " lang=\"\(Language.source.htmlTag)\">") }.joined()
        }
        let widest = group.map { LabelWidth.estimate($0.text.runs.map(\.text).joined()) }.max() ?? 0
        let lines = group.count == 1 || ScriptedText(notation: translation).hasScripts
            ? [translation] : LabelWidth.wrap(translation, width: widest, lines: group.count)
        return group.enumerated().map { index, element in
            let content = index < lines.count ? ScriptedText(notation: lines[index]).svg(element.geometry) : ""
            return element.markup(content: content)
        }.joined()
    }

    static func escape(_ text: String) -> String {
        HTMLEscaping.attribute(text).replacingOccurrences(of: "'", with: "&#39;")
    }

    static func removingAttribute(_ name: String, in tag: String) -> String {
        guard let start = tag.firstRange(of: " \(name)=\""), let end = tag[start.upperBound...].firstIndex(of: "\"") else { return tag }
        return String(tag[..<start.lowerBound]) + String(tag[tag.index(after: end)...])
    }

    static func replacingAttribute(_ name: String, in tag: String, with value: String) -> String {
        guard let start = tag.firstRange(of: " \(name)=\""), let end = tag[start.upperBound...].firstIndex(of: "\"") else { return tag }
        return String(tag[..<start.upperBound]) + escape(value) + String(tag[end...])
    }
}

/// One `<text>` element of a chart, with what follows it in the markup.
private struct TextElement {
    var tag: String
    var content: String
    var text: ScriptedText
    var geometry: ScriptedText.Geometry
    var size: Double
    var x: Double, y: Double
    var rotated: Bool
    /// The tag without its position, to compare the lines of a wrapped label.
    var style: String
    var end: Substring.Index
    /// Whitespace between this element and the next one in the source.
    var trailing: Substring

    init?(_ markup: Substring, baseSize: Double) {
        guard markup.hasPrefix("<text"), let tagEnd = markup.firstIndex(of: ">"), markup[markup.index(before: tagEnd)] != "/",
              let close = markup[tagEnd...].firstRange(of: "</text>") else { return nil }
        tag = String(markup[...tagEnd])
        content = String(markup[markup.index(after: tagEnd)..<close.lowerBound])
        size = Double(SVGAttributes.value("font-size", in: tag) ?? "") ?? baseSize
        (text, geometry) = ScriptedText.fromSVG(content: content, baseSize: size)
        x = Double(SVGAttributes.value("x", in: tag) ?? "") ?? 0
        y = Double(SVGAttributes.value("y", in: tag) ?? "") ?? 0
        rotated = SVGAttributes.value("transform", in: tag)?.hasPrefix("rotate(-90") ?? false
        style = ["x", "y", "transform"].reduce(tag) { ChartText.removingAttribute($1, in: $0) }
        let after = markup[close.upperBound...]
        trailing = after.prefix { $0.isWhitespace }
        end = trailing.endIndex
    }

    /// Whether this element is the line after `previous` of one label (`SVGWriter.textLines`:
    /// the same style, one line height, 1.25 × the font size, further down, or right if rotated).
    func continues(_ previous: TextElement) -> Bool {
        let step = 1.25 * size
        guard style == previous.style, rotated == previous.rotated else { return false }
        return rotated ? (y == previous.y && abs(x - previous.x - step) < 0.02)
                       : (x == previous.x && abs(y - previous.y - step) < 0.02)
    }

    var markup: String { markup(content: content) }
    func markup(content: String? = nil, tag: String? = nil) -> String {
        (tag ?? self.tag) + (content ?? self.content) + "</text>" + trailing
    }
}

/// Widths of chart labels as the Plotting module estimates them (0.6 em a character), a CJK
/// character being one em, and wrapping a translation over a wrapped label's lines.
enum LabelWidth {
    static func estimate(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (POString.columns($1) == 2 ? 1.0 : 0.6) }
    }

    /// `text` in at most `lines` lines of about `width`: broken between CJK characters, else at
    /// spaces; a line never starts with CJK punctuation.
    static func wrap(_ text: String, width: Double, lines count: Int) -> [String] {
        guard estimate(text) > width * 1.05, count > 1 else { return [text] }
        var lines: [String] = []
        var current = ""
        for character in text {
            let breakable = character.unicodeScalars.first.map { POString.columns($0) == 2 } ?? false
            let closing = "，。、；：）」』！？".contains(character)
            if lines.count < count - 1, !current.isEmpty, estimate(current + String(character)) > width, !closing {
                if !breakable, let space = current.lastIndex(of: " ") {
                    lines.append(String(current[..<space]))
                    current = String(current[current.index(after: space)...])
                } else {
                    lines.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        lines.append(current)
        return lines.map { $0.trimmingSpaces() }
    }
}

/// Program tables (`Table.html()`): the caption, the column headers, and text cells; number
/// cells (`class="num"`) are the same in every language.
enum TableText {
    static func units(html: String, line: Int) -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        _ = rewrite(html) { kind, text in
            let markdown = kind == .caption
            if TranslatableText.hasWords(text, markdown: markdown) { units.append(TranslationUnit(kind: kind, text: text, line: line)) }
            return nil
        }
        return units
    }

    static func translate(html: String, _ translate: (TranslationUnit.Kind, String) -> String?) -> String {
        rewrite(html, translate)
    }

    private static func rewrite(_ html: String, _ translate: (TranslationUnit.Kind, String) -> String?) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            rest = rest[open...]
            guard let tagEnd = rest.firstIndex(of: ">") else { break }
            var tag = String(rest[...tagEnd])
            let name = tag.dropFirst().prefix { $0.isLetter }
            let kind: TranslationUnit.Kind? = name == "caption" ? .caption : name == "th" ? .tableHeader
                : name == "td" && SVGAttributes.value("class", in: tag) != "num" ? .tableText : nil
            guard let kind, let close = rest[tagEnd...].firstRange(of: "</\(name)>") else {
                out += tag
                rest = rest[rest.index(after: tagEnd)...]
                continue
            }
            let inner = String(rest[rest.index(after: tagEnd)..<close.lowerBound])
            var content = inner
            if kind == .caption {
                let text = HTMLEscaping.plainText(ofHTML: inner)
                if TranslatableText.hasWords(text, markdown: true) {
                    content = HTMLEscaping.text(translate(kind, text) ?? text)
                }
            } else {
                let text = ScriptedText(html: inner)
                if TranslatableText.hasWords(text.notation, markdown: false) {
                    if let translated = translate(kind, text.notation) {
                        content = ScriptedText(notation: translated).html
                    } else {
                        tag = String(tag.dropLast()) + " lang=\"\(Language.source.htmlTag)\">"
                    }
                }
            }
            out += tag + content + "</\(name)>"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
