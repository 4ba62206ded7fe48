import Plot

/// `index.html`: the book's title, its preface, and the list of chapters with their summaries and
/// the state of their claims.
struct IndexPage {
    var book: BookMetadata
    var chapters: [WovenChapter]
    var pager: Pager
    var strings: UIStrings
    var sourceHeadingIDs: [String] = []

    struct Rendered {
        var main: Node<HTML.BodyContext>
        var headings: [PageHeading]
        var articleHTML: String
        var usesMath: Bool
    }

    func render() throws -> Rendered {
        let prose = ProseHTML(sourcePath: book.sourcePath, references: ReferenceTable(), pageName: "index.html")
        var slugs = SlugAllocator(reserved: ChapterPage.layoutIDs.union(["chapters"]), following: sourceHeadingIDs)
        let preface = HeadingAnchors.process(try prose.render(markdown: book.prefaceMarkdown, firstLine: book.prefaceLine),
                                             slugs: &slugs, dropTitle: book.title, anchorLabel: strings.anchorLabel)
        var entries: [Node<HTML.ListContext>] = []
        for chapter in chapters {
            let chapterProse = ProseHTML(sourcePath: chapter.sourcePath, references: ReferenceTable(), pageName: "index.html")
            let summary = try chapter.summary.map { try chapterProse.renderInline($0, line: 1) }
            entries.append(.li(
                .a(.cls("chapter-link"), .href(chapter.pageName),
                   .unwrap(chapter.number) { .span(.cls("num"), .text("\($0)")) },
                   .span(.cls("chapter-title"), .escaped(chapter.title))),
                .unwrap(summary) { .p(.cls("chapter-summary"), .raw($0)) },
                claimsBadge(chapter.claims)))
        }
        let summariesHTML = Node<HTML.BodyContext>.ol(.group(entries)).render()
        let main: Node<HTML.BodyContext> = .group(.article(.cls("book-index"),
            .header(.cls("chapter-header"), .h1(.escaped(book.title))),
            .div(.cls("preface"), .raw(preface.html)),
            .element(named: "section", nodes: [
                .cls("chapters"), .attr("aria-labelledby", "chapters"),
                .h2(.id("chapters"), .text(strings.chapters)),
                .div(.cls("chapter-index"), .raw(summariesHTML)),
            ])),
            pager.node)
        return Rendered(main: main, headings: preface.headings, articleHTML: preface.html,
                        usesMath: (preface.html + summariesHTML).contains("class=\"math "))
    }

    private func claimsBadge(_ claims: [Claim]) -> Node<HTML.BodyContext> {
        guard !claims.isEmpty else { return .empty }
        let failed = claims.filter { !$0.passed }.count
        let text = failed == 0 ? strings.claimsBadgePassed(claims.count) : strings.claimsBadgeFailed(failed, claims.count)
        return .span(.cls(failed == 0 ? "claims-badge passed" : "claims-badge failed"), .text(text))
    }
}
