/// What a translated edition shows for a unit: its translation, or the source text because
/// there is no usable translation (missing, or stale: made for an earlier source text).
public enum UnitResolution: Sendable, Equatable {
    case translated(String)
    case untranslated(UntranslatedMarkers.Reason)
}

/// Turns a woven chapter into its translation: the same cells, outputs, values and claim results
/// (the program ran once), with every unit's text looked up, the words of inline values too. A
/// unit without a usable translation keeps its source text between `UntranslatedMarkers` (or,
/// inside charts and program tables, with `lang` on its element).
struct WovenTranslator {
    var resolutions: [CatalogKey: UnitResolution]

    func resolve(_ kind: TranslationUnit.Kind, _ source: String) -> UnitResolution {
        resolutions[CatalogKey(context: kind.context, id: source)] ?? .untranslated(.missing)
    }

    /// The text to show for a unit that can carry markers (prose, captions, claims, titles,
    /// inline values).
    func text(_ kind: TranslationUnit.Kind, _ source: String) -> String {
        shown(kind, source).text
    }

    /// The text to show, and whether it is a translation (false: the source text, marked).
    func shown(_ kind: TranslationUnit.Kind, _ source: String) -> (text: String, isTranslated: Bool) {
        guard TranslatableText.hasWords(source, markdown: kind.isMarkdown) else { return (source, true) }
        switch resolve(kind, source) {
        case .translated(let translation): return (translation, true)
        case .untranslated(let reason): return (UntranslatedMarkers.wrap(source, reason), false)
        }
    }

    /// The translation of a chart or program-table text, or nil to keep the source text.
    func translation(_ kind: TranslationUnit.Kind, _ source: String) -> String? {
        if kind == .caption { return text(kind, source) }
        if case .translated(let translation) = resolve(kind, source) { return translation }
        return nil
    }

    func chapter(_ chapter: WovenChapter) -> WovenChapter {
        var translated = chapter
        translated.title = text(.title, chapter.title)
        translated.summary = chapter.summary.map { text(.summary, $0) }
        translated.items = chapter.items.map { item in
            switch item {
            case .prose(let markdown, let line, let values):
                let translated = prose(markdown, line: line, values: values)
                return .prose(markdown: translated.markdown, line: line, inlineValues: translated.values)
            case .cell(let cell):
                return .cell(self.cell(cell))
            case .divOpen, .divClose:
                return item
            }
        }
        return translated
    }

    func book(_ book: BookMetadata) -> BookMetadata {
        var translated = book
        translated.title = text(.title, book.title)
        translated.prefaceMarkdown = prose(book.prefaceMarkdown, line: book.prefaceLine, values: []).markdown
        return translated
    }

    /// A prose run with its units translated, and its inline values with the words they produced
    /// translated (`InlineValueText`). A value inside a unit shown in the source language stays
    /// as it is: the unit's marker already covers it.
    func prose(_ markdown: String, line: Int, values: [InlineValue]) -> (markdown: String, values: [InlineValue]) {
        let units = ProseUnits.extract(markdown: markdown, firstLine: line, inlineValues: values)
        var coveredByMarker: Set<Int> = []
        let replacements = units.map { unit -> String in
            let shown = shown(unit.unit.kind, unit.unit.text)
            if !shown.isTranslated { coveredByMarker.formUnion(unit.inlineValues.map(\.id)) }
            return shown.text
        }
        let translatedValues = values.map { value -> InlineValue in
            guard let source = value.text, !coveredByMarker.contains(value.id) else { return value }
            var translated = value
            translated.text = text(.inlineValue, source)
            return translated
        }
        guard !units.isEmpty else { return (markdown, translatedValues) }
        return (ProseUnits.substitute(markdown: markdown, units: units, replacements: replacements), translatedValues)
    }

    func cell(_ cell: WovenCell) -> WovenCell {
        var translated = cell
        translated.caption = cell.caption.map { text(.caption, $0) }
        translated.outputs = cell.outputs.map { output in
            switch output {
            case .figure(let svg, let caption, let label, let alt):
                let translatedAlt = TranslatableText.hasWords(alt, markdown: false) ? translation(.chartDescription, alt) ?? alt : alt
                return .figure(svg: ChartText.translate(svg: svg, translation), caption: caption.map { text(.caption, $0) },
                               label: label, alt: translatedAlt)
            case .table(let html, let caption, let label):
                return .table(html: TableText.translate(html: html, translation), caption: caption.map { text(.caption, $0) },
                              label: label)
            case .claim(var claim):
                claim.text = text(.claim, claim.text)
                return .claim(claim)
            case .text, .value, .diagnostic, .error, .notice:
                return output
            }
        }
        return translated
    }
}
