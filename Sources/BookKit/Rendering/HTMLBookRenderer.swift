// Rendering stage: woven chapters in, every file of the static site out (no I/O except reading
// KaTeX from /usr/share). The PIPELINE's writer puts the returned files into `output/`.

/// What the book says about itself, from `chapters/index.md`.
public struct BookMetadata: Sendable {
    public var title: String
    /// Markdown shown on `index.html` above the chapter list.
    public var prefaceMarkdown: String
    /// Where the preface came from, e.g. `chapters/index.md`, for error messages.
    public var sourcePath: String

    public init(title: String, prefaceMarkdown: String, sourcePath: String) {
        self.title = title
        self.prefaceMarkdown = prefaceMarkdown
        self.sourcePath = sourcePath
    }
}

/// Renders the book as a static HTML site that works from `file://` with no network: pages built
/// with Plot (text escaped by default), Markdown by cmark-gfm, Swift highlighted by swift-syntax,
/// math typeset in the browser by a local copy of KaTeX, and a prebuilt search index.
public struct HTMLBookRenderer: Sendable {
    /// Debian's KaTeX (`libjs-katex`); its `fonts` entry links to `fonts-katex`.
    public var katexDirectory: String

    public init() {
        self.init(katexDirectory: "/usr/share/javascript/katex")
    }

    public init(katexDirectory: String) {
        self.katexDirectory = katexDirectory
    }

    /// Every file of the site: relative path -> bytes. `index.html`, one page per chapter
    /// (`chapter.pageName`), `assets/book.css`, `assets/*.js`, `assets/search-index.js` and
    /// `assets/katex/...`. The same input always gives the same bytes.
    ///
    /// Throws a `BookError` (stage `.render`) naming the chapter file and line for an unknown `@fig-`/`@tbl-`
    /// reference or a duplicate label, and when KaTeX is not installed.
    public func render(book: BookMetadata, chapters: [WovenChapter]) throws -> [String: [UInt8]] {
        var files = try KatexAssets(directory: katexDirectory).files()
        files.merge(try SiteAssets.files()) { _, site in site }

        let layout = PageLayout(bookTitle: book.title, chapters: chapters.map {
            PageLayout.SidebarChapter(number: $0.number, title: $0.title, page: $0.pageName)
        })
        var search = SearchIndex()

        // Numbering first, over the whole book, so a reference may point into another chapter.
        var references = ReferenceTable()
        var floatsByChapter: [[OutputKey: NumberedFloat]] = []
        var localTargets: [[String: ReferenceTable.Target]] = []
        for chapter in chapters {
            let floats = try FloatNumbering.number(chapter)
            floatsByChapter.append(floats)
            localTargets.append(references.add(floats, page: chapter.pageName))
        }

        let index = try IndexPage(book: book, chapters: chapters,
                                  pager: Pager(previous: nil, next: chapters.first.map(Self.link(to:)))).render()
        search.addPage(title: book.title, summary: nil, page: "index.html", articleHTML: index.articleHTML)
        files["index.html"] = Array(layout.render(PageLayout.Page(
            title: book.title, currentPage: nil, headings: index.headings,
            usesMath: index.usesMath, main: index.main)).utf8)

        for (position, chapter) in chapters.enumerated() {
            var chapterReferences = references
            chapterReferences.local = localTargets[position]
            let pager = Pager(
                previous: position == 0 ? Pager.Link(page: "index.html", label: "Preface") : Self.link(to: chapters[position - 1]),
                next: position + 1 < chapters.count ? Self.link(to: chapters[position + 1]) : nil)
            let page = ChapterPage(chapter: chapter, floats: floatsByChapter[position],
                                   references: chapterReferences, pager: pager)
            let rendered = try page.render()
            search.addPage(title: Self.label(chapter), summary: chapter.summary, page: chapter.pageName,
                           articleHTML: rendered.articleHTML)
            files[chapter.pageName] = Array(layout.render(PageLayout.Page(
                title: "\(Self.label(chapter)) · \(book.title)", currentPage: chapter.pageName,
                headings: rendered.headings, usesMath: rendered.usesMath, main: rendered.main)).utf8)
        }
        files["assets/search-index.js"] = Array(search.javaScript.utf8)
        return files
    }

    static func label(_ chapter: WovenChapter) -> String {
        chapter.number.map { "\($0) \(chapter.title)" } ?? chapter.title
    }

    static func link(to chapter: WovenChapter) -> Pager.Link {
        Pager.Link(page: chapter.pageName, label: label(chapter))
    }
}
