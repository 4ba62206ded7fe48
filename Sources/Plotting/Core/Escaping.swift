/// Escapes text for XML/HTML text nodes and attribute values.
///
/// Replaces `&`, `<`, `>`, `"` and `'` with their character references, so a series named
/// `<script>` is shown as text and never interpreted as markup.
public func escapeMarkup(_ text: String) -> String {
    // Fast path: most labels and all numbers need no escaping.
    let special: Set<UInt8> = [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                               UInt8(ascii: "\""), UInt8(ascii: "'")]
    guard text.utf8.contains(where: { special.contains($0) }) else { return text }
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
