/// Puts pages that each had their own ids into one document: every id of a page gets the page's
/// scope as a prefix (`05-initialization--fig-xavier`), and every link follows: `#x` within the
/// page, `other.html#x` and `other.html` to another page of the book become links inside the one
/// document. Only attributes inside tags change, never text (a program may print `id="x"`).
struct PrintIDs {
    /// Page file name -> its scope, which is also the id of the page's section.
    var scopes: [String: String]

    static let separator = "--"

    /// The id `id` of the page with scope `scope` has in the one document.
    static func scoped(_ id: String, in scope: String) -> String { scope + separator + id }

    /// `html` (one page's article) with its ids and links rewritten for the page `scope`.
    func rewrite(_ html: String, scope: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 20)
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard afterOpen < rest.endIndex, rest[afterOpen].isLetter,
                  let close = rest[afterOpen...].firstIndex(of: ">") else {
                out.append("<")
                rest = rest[afterOpen...]
                continue
            }
            out += rewriteTag(rest[open...close], scope: scope)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Attribute values are double-quoted and hold no `>` or `"` (the renderer, cmark and the
    /// Plotting module all escape them).
    private func rewriteTag(_ tag: Substring, scope: String) -> String {
        var out = ""
        var rest = tag
        while let quote = rest.range(of: "=\"") {
            let nameEnd = quote.lowerBound
            let nameStart = rest[..<nameEnd].lastIndex(where: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { rest.index(after: $0) } ?? nameEnd
            let name = rest[nameStart..<nameEnd].lowercased()
            guard let valueEnd = rest[quote.upperBound...].firstIndex(of: "\"") else { break }
            let value = String(rest[quote.upperBound..<valueEnd])
            out += rest[..<quote.upperBound]
            out += rewriteValue(value, attribute: name, scope: scope)
            out += "\""
            rest = rest[rest.index(after: valueEnd)...]
        }
        return out + rest
    }

    private func rewriteValue(_ value: String, attribute: String, scope: String) -> String {
        switch attribute {
        case "id":
            return Self.scoped(value, in: scope)
        case "aria-labelledby", "aria-describedby", "aria-controls", "for":
            return value.split(separator: " ").map { Self.scoped(String($0), in: scope) }.joined(separator: " ")
        case "href", "xlink:href":
            return link(value, scope: scope)
        default:
            return value
        }
    }

    private func link(_ href: String, scope: String) -> String {
        if href.hasPrefix("#") { return "#" + Self.scoped(String(href.dropFirst()), in: scope) }
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let target = scopes[String(parts[0])] else { return href }        // external, or not a page
        return parts.count == 2 && !parts[1].isEmpty ? "#" + Self.scoped(String(parts[1]), in: target) : "#" + target
    }
}
