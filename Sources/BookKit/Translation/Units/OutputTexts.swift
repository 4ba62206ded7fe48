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
            if !sawTitle, rest.hasPrefix("<title>"), let close = rest.range(of: "</title>") {
                sawTitle = true
                let text = HTMLEscaping.plainText(ofHTML: String(rest[rest.index(rest.startIndex, offsetBy: 7)..<close.lowerBound]))
                out += "<title>" + escape(translate(.chartText, text) ?? text) + "</title>"
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("<desc>"), let close = rest.range(of: "</desc>") {
                let text = HTMLEscaping.plainText(ofHTML: String(rest[rest.index(rest.startIndex, offsetBy: 6)..<close.lowerBound]))
                out += "<desc>" + escape(description ?? translate(.chartDescription, text) ?? text) + "</desc>"
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("<text"), let tagEnd = rest.firstIndex(of: ">"), rest[rest.index(before: tagEnd)] != "/",
                      let close = rest[tagEnd...].range(of: "</text>") {
                var tag = String(rest[...tagEnd])
                let size = Double(SVGAttributes.value("font-size", in: tag) ?? "") ?? baseSize
                let (text, geometry) = ScriptedText.fromSVG(content: String(rest[rest.index(after: tagEnd)..<close.lowerBound]), baseSize: size)
                let source = text.notation
                var content = String(rest[rest.index(after: tagEnd)..<close.lowerBound])
                if TranslatableText.hasWords(source, markdown: false) {
                    if let translated = translate(.chartText, source) {
                        content = ScriptedText(notation: translated).svg(geometry)
                    } else {
                        tag = String(tag.dropLast()) + " lang=\"\(Language.source.htmlTag)\">"
                    }
                }
                out += tag + content + "</text>"
                rest = rest[close.upperBound...]
            } else {
                out.append("<")
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }

    static func escape(_ text: String) -> String {
        HTMLEscaping.attribute(text).replacingOccurrences(of: "'", with: "&#39;")
    }

    static func replacingAttribute(_ name: String, in tag: String, with value: String) -> String {
        guard let start = tag.range(of: " \(name)=\""), let end = tag[start.upperBound...].firstIndex(of: "\"") else { return tag }
        return String(tag[..<start.upperBound]) + escape(value) + String(tag[end...])
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
            guard let kind, let close = rest[tagEnd...].range(of: "</\(name)>") else {
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
