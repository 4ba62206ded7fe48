import Plot

/// A chapter's page content: title, claims summary, prose, cells, exercises and their answers in
/// reading order, and the previous / next links. Also returns what the sidebar and the search
/// index need.
struct ChapterPage {
    var chapter: WovenChapter
    var labels: ChapterLabels
    var references: ReferenceTable
    var pager: Pager
    /// Whether code blocks are folded when neither they nor the chapter say (index.md's `code-fold`).
    var bookCodeFold = false
    var strings = UIStrings.english
    /// The source edition's heading ids of this page, for a translation (empty for the source).
    var sourceHeadingIDs: [String] = []

    struct Rendered {
        var main: Node<HTML.BodyContext>
        var headings: [PageHeading]
        /// The article's HTML, for the search index (paragraphs under their headings).
        var articleHTML: String
        var usesMath: Bool
    }

    /// Ids the page uses for its own elements; headings never take them.
    static let layoutIDs: Set<String> = ["content", "sidebar", "search-input", "search-results",
                                         "theme-toggle", "selfcheck", "claims"]

    func render() throws -> Rendered {
        let prose = ProseHTML(sourcePath: chapter.sourcePath, references: references, pageName: chapter.pageName,
                              equationNumbers: labels.equationNumbers)
        var slugs = SlugAllocator(reserved: reservedIDs(), following: sourceHeadingIDs)
        var sections = SectionNumbering(chapter: chapter)
        let cells = CellView(sourcePath: chapter.sourcePath,
                             outputs: OutputViews(sourcePath: chapter.sourcePath, floats: labels.floats, prose: prose, strings: strings),
                             prose: prose, defaultFold: chapter.codeFold ?? bookCodeFold, strings: strings)
        var claimIDs = ClaimNumbering()
        var exercises = ExerciseView(chapter: chapter, strings: strings)
        var article = ""
        var headings: [PageHeading] = []
        for item in chapter.items {
            switch item {
            case .prose(let markdown, let line, let inlineValues):
                let html = try prose.render(markdown: markdown, firstLine: line, inlineValues: inlineValues)
                let anchored = HeadingAnchors.process(html, slugs: &slugs, dropTitle: chapter.title, numbering: &sections,
                                                      anchorLabel: strings.anchorLabel)
                headings += anchored.headings
                article += anchored.html
            case .cell(let cell):
                article += try cells.render(cell, claimIDs: &claimIDs).render()
            case .divOpen(let div):
                article += exercises.open(div)
            case .divClose:
                article += exercises.close()
            }
        }
        let label = chapter.ordinal.map(strings.title(of:))
        let main: Node<HTML.BodyContext> = .group(
            .article(.cls(chapter.ordinal?.isAppendix == true ? "chapter appendix" : "chapter"),
                .header(.cls("chapter-header"), .unwrap(labels.chapterLabel) { .id($0) },
                    .unwrap(label) { .p(.cls("chapter-number"), .text($0)) },
                    .h1(.escaped(chapter.title))),
                ClaimsSummary.render(chapter.claims, strings: strings),
                .raw(article)),
            pager.node)
        return Rendered(main: main, headings: headings, articleHTML: article,
                        usesMath: article.contains("class=\"math "))
    }

    private func reservedIDs() -> Set<String> {
        var ids = Self.layoutIDs
        for cell in chapter.cells { ids.insert(CellView.id(cell)) }
        for float in labels.floats.values { ids.insert(float.id) }
        for label in labels.targets.keys { ids.insert(label) }
        for index in chapter.claims.indices { ids.insert("claim-\(index + 1)") }
        for id in ExerciseView.ids(of: chapter) { ids.insert(id) }
        return ids
    }
}
