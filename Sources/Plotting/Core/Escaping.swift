/// Escapes text for XML/HTML text nodes and attribute values.
///
/// Replaces `&`, `<`, `>`, `"` and `'` with their character references, so a series named
/// `<script>` is shown as text and never interpreted as markup.
public func escapeMarkup(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}
