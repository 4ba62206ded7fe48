/// Every translatable unit of a woven chapter, in reading order: its title and summary, its
/// prose (`ProseUnits`) and the words its inline values produced (`InlineValueText`), and the
/// text its program output (captions, claims, chart text, table
/// headers and text cells). The woven chapter is the one source for both extraction and
/// translation, so what a catalog lists is exactly what a translated page looks up.
enum ChapterUnits {
    static func units(of chapter: WovenChapter) -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        if TranslatableText.hasWords(chapter.title, markdown: true) {
            units.append(TranslationUnit(kind: .title, text: chapter.title, line: chapter.titleLine ?? 1))
        }
        if let summary = chapter.summary, TranslatableText.hasWords(summary, markdown: true) {
            units.append(TranslationUnit(kind: .summary, text: summary, line: chapter.summaryLine ?? 1))
        }
        var divs: [TranslationUnit.Kind] = []
        for item in chapter.items {
            switch item {
            case .prose(let markdown, let line, let values):
                let prose = ProseUnits.extract(markdown: markdown, firstLine: line, inlineValues: values, container: divs.last)
                units += InlineValueText.units(of: prose, values: values)
            case .cell(let cell):
                units += self.units(of: cell)
            case .divOpen(let div):
                divs.append(div.kind == .exercise ? .exercise : .solution)
            case .divClose:
                _ = divs.popLast()
            }
        }
        return units
    }

    /// The book's title and the preface of `index.md`.
    static func units(of book: BookMetadata) -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        if TranslatableText.hasWords(book.title, markdown: true) {
            units.append(TranslationUnit(kind: .title, text: book.title, line: book.titleLine ?? 1))
        }
        units += ProseUnits.extract(markdown: book.prefaceMarkdown, firstLine: book.prefaceLine, inlineValues: []).map(\.unit)
        return units
    }

    static func units(of cell: WovenCell) -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        func add(_ kind: TranslationUnit.Kind, _ text: String?, line: Int) {
            guard let text, TranslatableText.hasWords(text, markdown: kind.isMarkdown) else { return }
            units.append(TranslationUnit(kind: kind, text: text, line: line))
        }
        add(.caption, cell.caption, line: cell.line)
        for output in cell.outputs {
            switch output {
            case .figure(let svg, let caption, _, let alt):
                add(.caption, caption, line: cell.line)
                units += ChartText.units(svg: svg, line: cell.line)
                add(.chartDescription, alt, line: cell.line)
            case .table(let html, let caption, _):
                add(.caption, caption, line: cell.line)
                units += TableText.units(html: html, line: cell.line)
            case .claim(let claim):
                add(.claim, claim.text, line: claim.line ?? cell.line)
            case .text, .value, .diagnostic, .error, .notice:
                break
            }
        }
        return units
    }
}
