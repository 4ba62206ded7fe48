import Plot

/// `index.html`: the book's title, its preface, and the list of chapters with their summaries and
/// the state of their claims, then the appendices.
struct IndexPage {
    var book: BookMetadata
    var chapters: [WovenChapter]
    /// Every chapter's labels, so the preface may refer to a section (`@sec-...`).
    var references = ReferenceTable()
    var pager: Pager
    var strings = UIStrings.english
    /// The source edition's heading ids of the preface, for a translation (empty for the source).
    var sourceHeadingIDs: [String] = []

    struct Rendered {
        var main: Node<HTML.BodyContext>
        var headings: [PageHeading]
        var articleHTML: String
        var usesMath: Bool
    }

    func render() throws -> Rendered {
        let prose = ProseHTML(sourcePath: book.sourcePath, references: references, pageName: "index.html")
        var slugs = SlugAllocator(reserved: ChapterPage.layoutIDs.union(["chapters", "appendices"]), following: sourceHeadingIDs)
        var numbering = SectionNumbering(prefix: nil)
        let preface = HeadingAnchors.process(try prose.render(markdown: book.prefaceMarkdown, firstLine: book.prefaceLine),
                                             slugs: &slugs, dropTitle: book.title, numbering: &numbering,
                                             anchorLabel: strings.anchorLabel)
        let appendices = chapters.filter { $0.ordinal?.isAppendix == true }
        let mainChapters = chapters.filter { $0.ordinal?.isAppendix != true }
        let chaptersHTML = try list(mainChapters)
        let appendicesHTML = try list(appendices)
        let main: Node<HTML.BodyContext> = .group(.article(.cls("book-index"),
            .header(.cls("chapter-header"), .h1(.escaped(book.title))),
            .div(.cls("preface"), .raw(preface.html)),
            section(id: "chapters", title: strings.chaptersHeading, listHTML: chaptersHTML),
            .if(!appendices.isEmpty, section(id: "appendices", title: strings.appendicesHeading, listHTML: appendicesHTML))),
            pager.node)
        return Rendered(main: main, headings: preface.headings, articleHTML: preface.html,
                        usesMath: (preface.html + chaptersHTML + appendicesHTML).contains("class=\"math "))
    }

    private func section(id: String, title: String, listHTML: String) -> Node<HTML.BodyContext> {
        .element(named: "section", nodes: [
            .cls("chapters"), .attr("aria-labelledby", id),
            .h2(.id(id), .escaped(title)),
            .div(.cls("chapter-index"), .raw(listHTML)),
        ])
    }

    private func list(_ chapters: [WovenChapter]) throws -> String {
        var entries: [Node<HTML.ListContext>] = []
        for chapter in chapters {
            let chapterProse = ProseHTML(sourcePath: chapter.sourcePath, references: references, pageName: "index.html")
            let summary = try chapter.summary.map { try chapterProse.renderInline($0, line: 1) }
            entries.append(.li(
                .a(.cls("chapter-link"), .href(chapter.pageName),
                   .unwrap(chapter.ordinal) { .span(.cls("num"), .text($0.label)) },
                   .span(.cls("chapter-title"), .escaped(chapter.title))),
                .unwrap(summary) { .p(.cls("chapter-summary"), .raw($0)) },
                claimsBadge(chapter.claims)))
        }
        return Node<HTML.BodyContext>.ol(.group(entries)).render()
    }

    private func claimsBadge(_ claims: [Claim]) -> Node<HTML.BodyContext> {
        guard !claims.isEmpty else { return .empty }
        let failed = claims.filter { !$0.passed }.count
        return .span(.cls(failed == 0 ? "claims-badge passed" : "claims-badge failed"),
                     .text(strings.claimsBadge(total: claims.count, failed: failed)))
    }
}
