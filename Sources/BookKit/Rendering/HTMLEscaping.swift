import Plot

// Plot escapes `<` and `>` in text but keeps anything that already looks like an entity
// (`&lt;` stays `&lt;`), and it does not escape attribute values at all. The helpers below give
// exact escaping: what the reader sees is byte for byte what the program printed.

enum HTMLEscaping {
    /// Text content: `&`, `<`, `>` become entities.
    static func text(_ string: String) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Attribute values (always written double-quoted): text escaping plus `"`.
    static func attribute(_ string: String) -> String {
        text(string).replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The plain text of an HTML fragment: tags removed, the entities this module writes decoded.
    /// Used for slugs, search entries and `aria-label`s, never written back as HTML unescaped.
    static func plainText(ofHTML html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true; continue }
            if ch == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        return out
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension Node {
    /// Text escaped exactly (see `HTMLEscaping`): `&` is pre-escaped so Plot keeps it as `&amp;`.
    static func escaped(_ string: String) -> Node {
        .text(string.replacingOccurrences(of: "&", with: "&amp;"))
    }

    /// An attribute whose value is escaped (Plot writes attribute values verbatim).
    static func attr(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: HTMLEscaping.attribute(value))
    }

    /// `class="..."` with an escaped value.
    static func cls(_ value: String) -> Node { .attr("class", value) }
}
