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

    /// `text` without any marker (for plain-text uses: search titles, messages).
    public static func strip(_ text: String) -> String {
        guard text.contains(prefix) else { return text }
        var out = text.replacingOccurrences(of: " " + token(endID), with: "").replacingOccurrences(of: token(endID), with: "")
        for reason in Reason.allCases {
            out = out.replacingOccurrences(of: token(reason.rawValue) + " ", with: "")
                .replacingOccurrences(of: token(reason.rawValue), with: "")
        }
        return out
    }
}
