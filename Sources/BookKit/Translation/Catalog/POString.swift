/// The quoted strings of gettext's PO format: C escapes inside double quotes, and a long string
/// written as several quoted lines that are joined (`msgid ""` then `"first part "` `"second"`).
enum POString {
    /// `text` escaped for the inside of a quoted PO string: `\\`, `\"`, `\n`, `\t`, `\r`, and
    /// other control characters as octal.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars { out += escape(scalar) }
        return out
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\\": return "\\\\"
        case "\"": return "\\\""
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let octal = String(scalar.value, radix: 8)
                return "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
            return String(scalar)
        }
    }

    enum ParseError: Error, Equatable {
        case notQuoted
        case unterminated
        case badEscape(String)
        case trailingText
    }

    /// The text of one quoted string `"..."` (surrounding blanks allowed).
    static func unquote(_ quoted: Substring) throws -> String {
        let scalars = Array(quoted.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        guard index < scalars.count, scalars[index] == "\"" else { throw ParseError.notQuoted }
        index += 1
        var out = String.UnicodeScalarView()
        while true {
            guard index < scalars.count else { throw ParseError.unterminated }
            let scalar = scalars[index]
            index += 1
            if scalar == "\"" { break }
            guard scalar == "\\" else { out.append(scalar); continue }
            guard index < scalars.count else { throw ParseError.unterminated }
            let escaped = scalars[index]
            index += 1
            switch escaped {
            case "\\": out.append("\\")
            case "\"": out.append("\"")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "a": out.append("\u{7}")
            case "b": out.append("\u{8}")
            case "f": out.append("\u{C}")
            case "v": out.append("\u{B}")
            case "0"..."7":
                var value = escaped.value - 48
                var digits = 1
                while digits < 3, index < scalars.count, ("0"..."7").contains(scalars[index]) {
                    value = value * 8 + scalars[index].value - 48
                    index += 1
                    digits += 1
                }
                guard let decoded = Unicode.Scalar(value) else { throw ParseError.badEscape("\\" + String(escaped)) }
                out.append(decoded)
            default:
                throw ParseError.badEscape("\\" + String(escaped))
            }
        }
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        guard index == scalars.count else { throw ParseError.trailingText }
        return String(out)
    }

    /// Display columns of a character in a terminal: East Asian wide characters take two.
    static func columns(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The PO lines for `keyword "text"` (`prefix` before each line, e.g. `#~ `), wrapped as
    /// gettext's tools wrap them: one line when it fits in `width` columns, else `keyword ""`
    /// followed by pieces that end after a space or a `\n` and fit the width (a piece without a
    /// space to break at, as in Chinese, breaks between characters).
    static func lines(keyword: String, _ text: String, prefix: String = "", width: Int = 79) -> [String] {
        let pieces = text.unicodeScalars.map { (scalar: $0, escaped: escape($0)) }
        let whole = pieces.map(\.escaped).joined()
        let head = prefix + keyword + " "
        let fitsOnOneLine = !text.dropLast().contains("\n")
            && (head + whole).unicodeScalars.reduce(0) { $0 + columns($1) } + 2 <= width
        if fitsOnOneLine { return [head + "\"" + whole + "\""] }

        var result = [head + "\"\""]
        let room = width - prefix.count - 2
        var line = "", lineColumns = 0
        var lastBreak: (index: String.Index, columns: Int)?   // after the last space in `line`
        func flush() {
            result.append(prefix + "\"" + line + "\"")
            line = ""
            lineColumns = 0
            lastBreak = nil
        }
        for piece in pieces {
            let pieceColumns = piece.escaped.unicodeScalars.reduce(0) { $0 + columns($1) }
            if lineColumns + pieceColumns > room, !line.isEmpty {
                if let point = lastBreak, point.index < line.endIndex {
                    let rest = String(line[point.index...])
                    line = String(line[..<point.index])
                    flush()
                    line = rest
                    lineColumns = rest.unicodeScalars.reduce(0) { $0 + columns($1) }
                } else {
                    flush()
                }
            }
            line += piece.escaped
            lineColumns += pieceColumns
            if piece.scalar == " " { lastBreak = (line.endIndex, lineColumns) }
            if piece.scalar == "\n" { flush() }
        }
        if !line.isEmpty { flush() }
        return result
    }
}
