/// The words an inline value produces. Most inline values are numbers, the same in every
/// language; some are phrases the measurement chose (`` `{swift} allSeeds ? "on every seed" :
/// "on \(n) of the \(m) seeds"` ``). A translated paragraph keeps the value's code span as it
/// is (`PlaceholderCheck`), so the phrase is a unit of its own: keyed by the English text this
/// run produced, referenced at the value's line, with its expression in the catalog comment so a
/// translator sees what chose it. A translated edition shows the translation in the value's place;
/// the program runs once for every edition.
///
/// The text is plain, not Markdown: `InlineValueHTML` escapes a value's text into its span, so a
/// translation is shown exactly as written.
enum InlineValueText {
    /// The unit of `value`, if its text has words: numbers ("12.3 %", "1.2e-03", "0.93 ± 0.01")
    /// and values that could not be computed are none.
    static func unit(of value: InlineValue) -> TranslationUnit? {
        guard let text = value.text, TranslatableText.hasWords(text, markdown: TranslationUnit.Kind.inlineValue.isMarkdown) else {
            return nil
        }
        let expression = value.expression.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return TranslationUnit(kind: .inlineValue, text: text, line: value.line, origin: expression)
    }

    /// The units of a prose run in reading order: each prose unit followed by the units of the
    /// values in it; values outside every unit (a list item that is only a value) come last.
    static func units(of prose: [ProseUnit], values: [InlineValue]) -> [TranslationUnit] {
        let byID = Dictionary(values.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var placed: Set<Int> = []
        var units: [TranslationUnit] = []
        for proseUnit in prose {
            units.append(proseUnit.unit)
            for (id, _) in proseUnit.inlineValues where placed.insert(id).inserted {
                if let value = byID[id], let unit = unit(of: value) { units.append(unit) }
            }
        }
        for value in values where !placed.contains(value.id) {
            if let unit = unit(of: value) { units.append(unit) }
        }
        return units
    }
}
