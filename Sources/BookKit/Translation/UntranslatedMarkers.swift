/// How a translated edition marks a unit it shows in the source language: the source text goes
/// between a start token naming why (no translation yet, or a translation made for an earlier
/// version of the text) and an end token. The tokens are letters and digits, so they pass
/// through Markdown, escaping and the page templates untouched; the renderer's last pass
/// (`TranslatedPage`) turns each pair into `<span lang="en" class="untranslated" ...>` in text
/// and drops it where markup cannot go (attributes, `<title>`).
///
/// A space separates each token from the text, so Markdown still sees emphasis at the edges
/// of the unit (`_x_` cannot open right after a letter); the renderer removes it with the token.
public enum UntranslatedMarkers {
    public enum Reason: Int, Sendable, CaseIterable {
        case missing = 1
        case stale = 2

        /// The `data-untranslated` value.
        var name: String { self == .missing ? "missing" : "stale" }
    }

    static let prefix = "NBUNTRANSLATED"
    /// Token number 0 closes a marked unit.
    static let endID = 0

    static func token(_ id: Int) -> String { "\(prefix)\(id)X" }

    /// `text` marked as shown in the source language for `reason`.
    public static func wrap(_ text: String, _ reason: Reason) -> String {
        token(reason.rawValue) + " " + text + " " + token(endID)
    }

    /// `text` without any marker (for plain-text uses: search entries, messages), with the space
    /// each token brought along. One pass over the bytes: pages hold many markers.
    public static func strip(_ text: String) -> String {
        guard text.utf8.firstRange(of: prefix.utf8) != nil else { return text }
        let bytes = Array(text.utf8), marker = Array(prefix.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let (id, end) = token(in: bytes, at: index, marker: marker) {
                if id == endID {
                    if out.last == UInt8(ascii: " ") { out.removeLast() }
                    index = end
                } else {
                    index = end < bytes.count && bytes[end] == UInt8(ascii: " ") ? end + 1 : end
                }
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The id and end of the token starting at `start` (`NBUNTRANSLATED<digits>X`), if one does.
    static func token(in bytes: [UInt8], at start: Int, marker: [UInt8]) -> (id: Int, end: Int)? {
        guard bytes[start] == marker[0], start + marker.count < bytes.count,
              bytes[start..<(start + marker.count)].elementsEqual(marker) else { return nil }
        var index = start + marker.count
        var id = 0, digits = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            id = id * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        guard digits > 0, index < bytes.count, bytes[index] == UInt8(ascii: "X") else { return nil }
        return (id, index + 1)
    }
}
