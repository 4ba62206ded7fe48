/// How the state of the translations is told in a terminal: the build's closing lines, and the
/// table of `book translate --stats`.
public enum TranslationSummary {
    /// One line per translated edition (a warning when units are stale or missing), then the
    /// warnings about translations (changed formulas or link targets). Errors are build failures
    /// and are listed with them.
    public static func lines(_ states: [TranslationStage.CatalogState]) -> [String] {
        var lines: [String] = []
        for language in languages(states) {
            let mine = states.filter { $0.language == language }
            let translated = mine.map(\.translated).reduce(0, +)
            let stale = mine.map(\.stale).reduce(0, +), missing = mine.map(\.missing).reduce(0, +)
            let total = translated + stale + missing
            if stale + missing == 0 {
                lines.append("\(language.code): all \(total) units translated")
            } else {
                lines.append("warning: \(language.code): \(translated) of \(total) units translated, \(stale) stale, \(missing) missing;"
                             + " shown in English (`book check` lists them, `book translate --update` refreshes the catalogs)")
            }
        }
        lines += states.flatMap(\.findings).filter { $0.kind == .warning }.map { "warning: \($0.catalog ?? $0.source): \($0.message)" }
        return lines
    }

    /// `book translate --stats`: one row per catalog, then a total per language.
    public static func table(_ states: [TranslationStage.CatalogState]) -> [String] {
        let width = max(7, states.map(\.catalogPath.count).max() ?? 0)
        func row(_ name: String, _ translated: Int, _ stale: Int, _ missing: Int) -> String {
            let total = translated + stale + missing
            let percent = total == 0 ? 100 : Int((Double(translated) / Double(total) * 100).rounded(.down))
            return name.padding(toLength: width, withPad: " ", startingAt: 0)
                + pad(translated, 11) + pad(stale, 7) + pad(missing, 9) + pad(total, 7) + pad(percent, 5) + "%"
        }
        var lines = ["catalog".padding(toLength: width, withPad: " ", startingAt: 0) + " translated  stale  missing  units  done"]
        for language in languages(states) {
            let mine = states.filter { $0.language == language }
            for state in mine {
                lines.append(row(state.catalogPath + (state.exists ? "" : " (new)"), state.translated, state.stale, state.missing))
            }
            lines.append(row("\(language.code) total", mine.map(\.translated).reduce(0, +), mine.map(\.stale).reduce(0, +),
                             mine.map(\.missing).reduce(0, +)))
        }
        return lines
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: " ", count: max(1, width - text.count)) + text
    }

    private static func languages(_ states: [TranslationStage.CatalogState]) -> [Language] {
        var result: [Language] = []
        for state in states where !result.contains(state.language) { result.append(state.language) }
        return result
    }
}
