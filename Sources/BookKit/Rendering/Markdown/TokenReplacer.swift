/// Finds `PREFIX<digits>X` tokens in rendered HTML and swaps each for the HTML a closure returns.
/// Tokens are letters and digits only, so cmark copies them unchanged into its output.
enum TokenReplacer {
    /// `replacement(id)` returns the HTML for token `id`, or nil to leave the token as it is.
    static func replace(in html: String, prefix: String, _ replacement: (Int) throws -> String?) rethrows -> String {
        guard html.contains(prefix) else { return html }
        var out = ""
        var rest = Substring(html)
        while let range = rest.range(of: prefix) {
            out += rest[..<range.lowerBound]
            var cursor = range.upperBound
            var digits = ""
            while cursor < rest.endIndex, let d = rest[cursor].wholeNumberValue, rest[cursor].isASCII {
                digits.append(Character(String(d)))
                cursor = rest.index(after: cursor)
            }
            if !digits.isEmpty, cursor < rest.endIndex, rest[cursor] == "X",
               let id = Int(digits), let html = try replacement(id) {
                out += html
                rest = rest[rest.index(after: cursor)...]
            } else {
                out += rest[range]
                rest = rest[range.upperBound...]
            }
        }
        out += rest
        return out
    }
}
