/// Spacing for Chinese pages, as Chinese technical books set it: a space between a Han character
/// and an adjacent Latin letter or digit ("使用 ReLU 激活", "共 3 层"), and no space where a line
/// break in the source joined two Han characters (browsers would show one).
///
/// Applied to the rendered page, not to the translations, so translators write naturally and
/// the rule lives in one place. Code, math, inline values (whose digits are the program's),
/// preformatted output, SVG charts, scripts and styles are copied untouched; a code span, a
/// formula or a value counts as a Latin word at its edges, so "为<value>" becomes "为 <value>"
/// (a value translated into Chinese counts as its edge characters: `valueEdges`).
/// A space that would fall at the edge of a link or emphasis goes outside it: after closing tags,
/// before opening ones.
enum CJKSpacing {
    enum Kind: Equatable { case none, han, latin, other }

    static func apply(_ html: String) -> String {
        var state = Spacer(Array(html.unicodeScalars))
        state.run()
        var out = ""
        out.unicodeScalars.append(contentsOf: state.output)
        return out
    }

    /// Han ideographs (the CJK Unified Ideographs blocks and their extensions).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// CJK punctuation and full-width forms: they carry their own spacing.
    static func isCJKPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0xFF00...0xFFEF: return true
        default: return false
        }
    }

    /// Latin, Greek and Cyrillic letters, digits, and `%` (which ends a number).
    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x25: return true
        case 0xC0...0x24F: return scalar.value != 0xD7 && scalar.value != 0xF7
        case 0x370...0x3FF, 0x400...0x4FF: return scalar.properties.isAlphabetic
        default: return false
        }
    }

    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        if isHan(scalar) { return .han }
        if isLatin(scalar) { return .latin }
        return .other
    }

    /// How an inline value meets the text around it: as a Latin word (a number, or English:
    /// "为 0.12"), unless it is a translation with Han characters ("在每个种子上", the words of
    /// `InlineValueText`): then as its first and last visible characters, so it joins Chinese
    /// text as Chinese does. `content` is the element's content and end tag.
    static func valueEdges(_ content: [Unicode.Scalar]) -> (first: Kind, last: Kind) {
        var visible: [Unicode.Scalar] = []
        var inTag = false
        for scalar in content {
            if scalar == "<" { inTag = true } else if scalar == ">" { inTag = false }
            else if !inTag, !scalar.properties.isWhitespace { visible.append(scalar) }
        }
        guard visible.contains(where: isHan), let first = visible.first, let last = visible.last else { return (.latin, .latin) }
        return (kind(first), kind(last))
    }

    /// Elements whose content is copied as it is and that break the line of text.
    static let verbatim: Set<String> = ["pre", "script", "style", "svg", "textarea", "title", "math"]
    /// Inline elements whose content is one Latin word for spacing (code, formulas, values).
    static let atomTags: Set<String> = ["code", "kbd", "samp"]
    static let atomClasses: [String] = ["math", "inline-value"]
    /// Inline elements that do not interrupt the text around them.
    static let inline: Set<String> = ["a", "em", "strong", "span", "sub", "sup", "b", "i", "small", "mark",
                                      "abbr", "del", "s", "u", "q", "cite", "dfn", "bdi", "wbr"]
}

/// One pass over the page's scalars (see `CJKSpacing`).
private struct Spacer {
    let text: [Unicode.Scalar]
    var position = 0
    var output: [Unicode.Scalar] = []
    /// What the last visible character was.
    var last = CJKSpacing.Kind.none
    /// Tags copied since the last visible character, not yet written: a space goes between the
    /// closing ones (first) and the opening ones.
    var pendingTags: [(scalars: [Unicode.Scalar], closing: Bool)] = []

    init(_ text: [Unicode.Scalar]) {
        self.text = text
        output.reserveCapacity(text.count + text.count / 50)
    }

    mutating func run() {
        while position < text.count {
            if text[position] == "<" { tag() } else { character() }
        }
        flushTags(space: false)
    }

    mutating func flushTags(space: Bool) {
        var spaced = !space
        for tag in pendingTags {
            if !spaced && !tag.closing { output.append(" "); spaced = true }
            output.append(contentsOf: tag.scalars)
        }
        if !spaced { output.append(" ") }
        pendingTags.removeAll()
    }

    /// A visible piece of kind `kind` follows: write the pending tags, with a space among them
    /// when a Han character meets a Latin one.
    mutating func visible(_ kind: CJKSpacing.Kind) {
        let needsSpace = (last == .han && kind == .latin) || (last == .latin && kind == .han)
        flushTags(space: needsSpace)
        last = kind
    }

    mutating func character() {
        let scalar = text[position]
        if scalar == "&" {                                   // an entity reference is punctuation
            visible(.other)
            output.append(scalar)
            position += 1
            while position < text.count, text[position].isASCII,
                  text[position].properties.isAlphabetic || text[position].properties.numericType != nil || text[position] == "#" {
                output.append(text[position])
                position += 1
            }
            if position < text.count, text[position] == ";" { output.append(";"); position += 1 }
            return
        }
        if scalar.properties.isWhitespace {
            var end = position
            var hasNewline = false
            while end < text.count, text[end].properties.isWhitespace {
                if text[end] == "\n" { hasNewline = true }
                end += 1
            }
            // A source line break between two CJK characters is no space in Chinese.
            let next = end < text.count ? text[end] : " "
            let previousIsCJK = output.last.map { CJKSpacing.isHan($0) || CJKSpacing.isCJKPunctuation($0) } ?? false
            if hasNewline && pendingTags.isEmpty && previousIsCJK && (CJKSpacing.isHan(next) || CJKSpacing.isCJKPunctuation(next)) {
                position = end
                return
            }
            flushTags(space: false)
            output.append(contentsOf: text[position..<end])
            position = end
            last = .other
            return
        }
        visible(CJKSpacing.kind(scalar))
        output.append(scalar)
        position += 1
    }

    mutating func tag() {
        let start = position
        var end = position + 1
        var quote: Unicode.Scalar?
        while end < text.count {
            let c = text[end]
            if let open = quote { if c == open { quote = nil } }
            else if c == "\"" || c == "'" { quote = c }
            else if c == ">" { break }
            end += 1
        }
        end = min(end + 1, text.count)
        let tagText = Array(text[start..<end])
        position = end
        let (name, closing) = Self.name(of: tagText)
        if !closing, CJKSpacing.verbatim.contains(name) {
            flushTags(space: false)
            output.append(contentsOf: tagText)
            copyUntilClosing(name)
            last = .none
            return
        }
        if !closing, name == "div", Self.hasAtomClass(tagText) {    // display math
            flushTags(space: false)
            output.append(contentsOf: tagText)
            copyUntilClosing(name)
            last = .none
            return
        }
        if !closing, CJKSpacing.atomTags.contains(name) || Self.hasAtomClass(tagText) {
            let content = takeUntilClosing(name)
            let edges = Self.hasClass(tagText, "inline-value") ? CJKSpacing.valueEdges(content) : (first: .latin, last: .latin)
            visible(edges.first)
            output.append(contentsOf: tagText)
            output.append(contentsOf: content)
            last = edges.last
            return
        }
        if CJKSpacing.inline.contains(name) {
            pendingTags.append((tagText, closing))
            return
        }
        // A block boundary (paragraph, list item, cell, line break, ...) or a comment.
        flushTags(space: false)
        output.append(contentsOf: tagText)
        last = .none
    }

    /// Copies up to and including the end tag that closes the element just opened (same-name
    /// elements nested inside are counted).
    mutating func copyUntilClosing(_ name: String) {
        var depth = 1
        while position < text.count {
            if text[position] == "<" {
                let start = position
                var end = position + 1
                while end < text.count, text[end] != ">" { end += 1 }
                end = min(end + 1, text.count)
                let tagText = Array(text[start..<end])
                output.append(contentsOf: tagText)
                position = end
                let (inner, closing) = Self.name(of: tagText)
                if inner == name {
                    if closing { depth -= 1 } else if tagText.dropLast().last != "/" { depth += 1 }
                    if depth == 0 { return }
                }
            } else {
                output.append(text[position])
                position += 1
            }
        }
    }

    /// The rest of the element just opened, up to and including its end tag: read, not written.
    mutating func takeUntilClosing(_ name: String) -> [Unicode.Scalar] {
        let written = output
        output = []
        copyUntilClosing(name)
        let taken = output
        output = written
        return taken
    }

    static func name(of tag: [Unicode.Scalar]) -> (String, closing: Bool) {
        var index = 1
        let closing = index < tag.count && tag[index] == "/"
        if closing { index += 1 }
        var name = ""
        while index < tag.count, tag[index].isASCII, tag[index].properties.isAlphabetic || tag[index].properties.numericType != nil {
            name.unicodeScalars.append(tag[index])
            index += 1
        }
        return (name.lowercased(), closing)
    }

    static func hasAtomClass(_ tag: [Unicode.Scalar]) -> Bool {
        classes(of: tag).contains { CJKSpacing.atomClasses.contains($0) }
    }

    static func hasClass(_ tag: [Unicode.Scalar], _ name: String) -> Bool {
        classes(of: tag).contains(name)
    }

    static func classes(of tag: [Unicode.Scalar]) -> [String] {
        var text = ""
        text.unicodeScalars.append(contentsOf: tag)
        guard let start = text.range(of: "class=\""), let end = text[start.upperBound...].firstIndex(of: "\"") else { return [] }
        return text[start.upperBound..<end].split(separator: " ").map(String.init)
    }
}
