/// Pandoc-style attributes at the end of a heading: `## Weight decay {#sec-weight-decay}` gives the
/// section the id `sec-weight-decay`, which `@sec-weight-decay` refers to; `{.unnumbered}` (or
/// `{-}`) keeps the heading out of the section numbering. The one rule for them, used for the
/// chapter title when parsing and for every heading when rendering (where cmark has passed the
/// braces through as text).
struct HeadingAttributes: Equatable {
    /// The heading text without the attribute block.
    var text: String
    var label: String?
    var unnumbered = false

    /// Splits a trailing `{...}` off `heading`. Without one, or when the braces hold anything but
    /// `#label`, `.class` and `-` words, the heading is returned unchanged.
    init(_ heading: String) {
        text = heading
        let trimmed = heading.trimmingSpaces()
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return }
        let words = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.isEmpty else { return }
        var label: String?
        var unnumbered = false
        for word in words {
            if word == "-" || word == ".unnumbered" {
                unnumbered = true
            } else if word.hasPrefix("#"), word.count > 1, word.dropFirst().allSatisfy(Self.isLabelCharacter), label == nil {
                label = String(word.dropFirst())
            } else if word.hasPrefix("."), word.count > 1, word.dropFirst().allSatisfy(Self.isLabelCharacter) {
                continue                                  // other classes are accepted and ignored
            } else {
                return
            }
        }
        text = trimmed[..<open].trimmingSpaces()
        self.label = label
        self.unnumbered = unnumbered
    }

    /// The characters of block labels (`BlockOptions`): ASCII letters, digits, `-` and `_`.
    static func isLabelCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }
}
