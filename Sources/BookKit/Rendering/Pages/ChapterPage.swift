import Plot

/// A chapter's page content: title, claims summary, prose and cells in reading order, and the
/// previous / next links. Also returns what the sidebar and the search index need.
struct ChapterPage {
    var chapter: WovenChapter
    var floats: [OutputKey: NumberedFloat]
    var references: ReferenceTable
    var pager: Pager
    var strings: UIStrings
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
        let prose = ProseHTML(sourcePath: chapter.sourcePath, references: references, pageName: chapter.pageName)
        var slugs = SlugAllocator(reserved: reservedIDs(), following: sourceHeadingIDs)
        let cells = CellView(sourcePath: chapter.sourcePath,
                             outputs: OutputViews(sourcePath: chapter.sourcePath, floats: floats, prose: prose, strings: strings))
        var claimIDs = ClaimNumbering()
        var article = ""
        var headings: [PageHeading] = []
        for item in chapter.items {
            switch item {
            case .prose(let markdown, let line, let inlineValues):
                let html = try prose.render(markdown: markdown, firstLine: line, inlineValues: inlineValues)
                let anchored = HeadingAnchors.process(html, slugs: &slugs, dropTitle: chapter.title,
                                                      anchorLabel: strings.anchorLabel)
                headings += anchored.headings
                article += anchored.html
            case .cell(let cell):
                article += try cells.render(cell, claimIDs: &claimIDs).render()
            }
        }
        let label = chapter.number.map(strings.chapterNumber)
        let main: Node<HTML.BodyContext> = .group(
            .article(.cls("chapter"),
                .header(.cls("chapter-header"),
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
        for float in floats.values { ids.insert(float.id) }
        for index in chapter.claims.indices { ids.insert("claim-\(index + 1)") }
        return ids
    }
}
