import Plot

/// The whole book as one HTML document for printing (`book pdf`): a title page, the contents
/// with page numbers, the preface, then every chapter and appendix in order, each on a new page.
/// The chapters are the site's own articles (same renderer, same figures, same folding), their
/// ids scoped per chapter (`PrintIDs`) so links between chapters stay links in the PDF.
public struct PrintBook: Sendable {
    /// Page numbers of the contents' entries (element id -> page); nil prints placeholders of the
    /// same width, for the pass that finds the numbers.
    public var pageNumbers: [String: Int]?
    /// Show folded code expanded (`book pdf --expand-code`) instead of folded as on screen.
    public var expandCode: Bool
    var strings = UIStrings.english

    public init(pageNumbers: [String: Int]? = nil, expandCode: Bool = false) {
        self.pageNumbers = pageNumbers
        self.expandCode = expandCode
    }

    /// The document's file name inside the folder `files` is written to.
    public static let documentName = "book.html"
    /// The id of the preface's section; each chapter's is its slug.
    public static let prefaceID = "preface"

    /// Entries of the contents: the preface, each chapter and its sections, each appendix.
    public struct Entry: Equatable, Sendable {
        public var id: String
        public var number: String?
        public var title: String
        public var level: Int
    }

    /// `book.html` and the assets it loads (KaTeX, the site's stylesheet and scripts).
    public func render(book: BookMetadata, chapters: [WovenChapter], renderer: HTMLBookRenderer = HTMLBookRenderer())
    throws -> (files: [String: [UInt8]], contents: [Entry]) {
        var files = try KatexAssets(directory: renderer.katexDirectory).files()
        files.merge(try SiteAssets.files()) { _, site in site }
        let labels = try BookLabels(chapters, strings: strings)
        var scopes = ["index.html": Self.prefaceID]
        for chapter in chapters { scopes[chapter.pageName] = chapter.slug }
        let ids = PrintIDs(scopes: scopes)

        var contents: [Entry] = []
        var body = ""
        let preface = try IndexPage(book: book, chapters: chapters, references: labels.bookReferences,
                                    pager: Pager(previous: nil, next: nil, strings: strings), strings: strings).render()
        if !preface.articleHTML.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            contents.append(Entry(id: Self.prefaceID, number: nil, title: prefaceTitle(preface.headings), level: 1))
            body += "<section class=\"print-chapter print-preface\" id=\"\(Self.prefaceID)\"><article class=\"preface\">"
                + ids.rewrite(preface.articleHTML, scope: Self.prefaceID) + "</article></section>\n"
        }
        for (position, chapter) in chapters.enumerated() {
            let page = renderer.chapterPage(chapter, at: position, labels: labels, book: book, pager: Pager(previous: nil, next: nil, strings: strings))
            let rendered = try page.render()
            contents.append(Entry(id: chapter.slug, number: chapter.ordinal?.label, title: chapter.title, level: 1))
            for heading in rendered.headings where heading.level == 2 {
                contents.append(Entry(id: PrintIDs.scoped(heading.id, in: chapter.slug), number: nil,
                                      title: HTMLBlocks.text(heading.html), level: 2))
            }
            body += "<section class=\"print-chapter\" id=\"\(HTMLEscaping.attribute(chapter.slug))\">"
                + ids.rewrite(rendered.main.render(), scope: chapter.slug) + "</section>\n"
        }

        let usesMath = body.contains("class=\"math ")
        let html = HTML(
            .lang(.english),
            .head(
                .encoding(.utf8),
                .element(named: "title", nodes: [Node<HTML.HeadContext>.escaped(book.title)]),
                .meta(.name("generator"), .content("NeuralBook")),
                .if(usesMath, .stylesheet("assets/katex/katex.min.css")),
                .stylesheet("assets/book.css"),
                .script(.src("assets/theme-init.js")),
                .if(usesMath, .script(.src("assets/katex/katex.min.js"), .attribute(named: "defer"))),
                .script(.src("assets/book.js"), .attribute(named: "defer"))
            ),
            .body(
                .main(.attr("id", "content"),
                      .element(named: "section", nodes: [.cls("print-title-page"), .h1(.escaped(book.title))]),
                      tableOfContents(contents),
                      .raw(body))
            )
        )
        // The classes on <html> tell book.js and print.css that this is the printed book.
        var document = html.render()
        let classes = expandCode ? "print-book print-expand-code" : "print-book"
        document = document.replacingOccurrences(of: "<html lang=\"en\">", with: "<html lang=\"en\" class=\"\(classes)\">")
        files[Self.documentName] = Array(document.utf8)
        return (files, contents)
    }

    private func prefaceTitle(_ headings: [PageHeading]) -> String {
        headings.first(where: { $0.level == 1 })?.text ?? strings.preface
    }

    private func tableOfContents(_ entries: [Entry]) -> Node<HTML.BodyContext> {
        .nav(.cls("print-toc"), .attr("aria-label", strings.contents),
             .h2(.escaped(strings.contents)),
             .ol(.forEach(entries) { entry in
                 .li(.cls(entry.level == 1 ? "print-toc-part" : "print-toc-section"),
                     .a(.cls("print-toc-title"), .href("#" + entry.id),
                        .unwrap(entry.number) { .span(.cls("num"), .text($0 + " ")) },
                        .escaped(entry.title)),
                     .span(.cls("print-toc-dots"), .attr("aria-hidden", "true")),
                     .span(.cls("print-toc-page"), .text(pageNumbers.map { $0[entry.id].map(String.init) ?? "" } ?? "000")))
             }))
    }
}
