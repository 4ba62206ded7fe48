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
    ///
    /// The steps are public so a caller can render page by page and keep pages whose inputs did
    /// not change (`BookBuilder.render`, with a `PageCache`): `outline`, then `index` and each
    /// `chapterPage`, `searchIndex` over all pages, and `assets`.
    public func render(book: BookMetadata, chapters: [WovenChapter]) throws -> [String: [UInt8]] {
        var files = try assets()
        let outline = try self.outline(book: book, chapters: chapters)
        var pages = [try index(outline)]
        for position in chapters.indices { pages.append(try chapterPage(at: position, outline)) }
        for page in pages { files[page.path] = page.bytes }
        files[Self.searchIndexPath] = Self.searchIndex(pages)
        return files
    }

    /// The files every book has, whatever its chapters: KaTeX and the site's CSS and scripts.
    public func assets() throws -> [String: [UInt8]] {
        var files = try KatexAssets(directory: katexDirectory).files()
        files.merge(try SiteAssets.files()) { _, site in site }
        return files
    }

    /// What every page shares, worked out over the whole book before any page is rendered: the
    /// sidebar, the numbers of figures and tables (a reference may point into another chapter),
    /// and the reference table.
    public func outline(book: BookMetadata, chapters: [WovenChapter]) throws -> SiteOutline {
        let layout = PageLayout(bookTitle: book.title, chapters: chapters.map {
            PageLayout.SidebarChapter(number: $0.number, title: $0.title, page: $0.pageName)
        })
        var references = ReferenceTable()
        var floatsByChapter: [[OutputKey: NumberedFloat]] = []
        var localTargets: [[String: ReferenceTable.Target]] = []
        for chapter in chapters {
            let floats = try FloatNumbering.number(chapter)
            floatsByChapter.append(floats)
            localTargets.append(references.add(floats, page: chapter.pageName))
        }
        return SiteOutline(book: book, chapters: chapters, layout: layout, references: references,
                           floatsByChapter: floatsByChapter, localTargets: localTargets)
    }

    /// `index.html`: title, preface, the chapter list.
    public func index(_ outline: SiteOutline) throws -> RenderedPage {
        let book = outline.book, chapters = outline.chapters
        let index = try IndexPage(book: book, chapters: chapters,
                                  pager: Pager(previous: nil, next: chapters.first.map(Self.link(to:)))).render()
        let html = outline.layout.render(PageLayout.Page(
            title: book.title, currentPage: nil, headings: index.headings, usesMath: index.usesMath, main: index.main))
        return RenderedPage(path: "index.html", bytes: Array(html.utf8),
                            searchEntries: SearchIndex.entries(title: book.title, summary: nil, page: "index.html",
                                                               articleHTML: index.articleHTML))
    }

    /// The page of chapter `position` (an index into the outline's chapters).
    public func chapterPage(at position: Int, _ outline: SiteOutline) throws -> RenderedPage {
        let chapters = outline.chapters, chapter = chapters[position]
        var chapterReferences = outline.references
        chapterReferences.local = outline.localTargets[position]
        let pager = Pager(
            previous: position == 0 ? Pager.Link(page: "index.html", label: "Preface") : Self.link(to: chapters[position - 1]),
            next: position + 1 < chapters.count ? Self.link(to: chapters[position + 1]) : nil)
        let page = ChapterPage(chapter: chapter, floats: outline.floatsByChapter[position],
                               references: chapterReferences, pager: pager)
        let rendered = try page.render()
        let html = outline.layout.render(PageLayout.Page(
            title: "\(Self.label(chapter)) · \(outline.book.title)", currentPage: chapter.pageName,
            headings: rendered.headings, usesMath: rendered.usesMath, main: rendered.main))
        return RenderedPage(path: chapter.pageName, bytes: Array(html.utf8),
                            searchEntries: SearchIndex.entries(title: Self.label(chapter), summary: chapter.summary,
                                                               page: chapter.pageName, articleHTML: rendered.articleHTML))
    }

    public static let searchIndexPath = "assets/search-index.js"

    /// `assets/search-index.js` over `pages`, in their order.
    public static func searchIndex(_ pages: [RenderedPage]) -> [UInt8] {
        Array(SearchIndex(entries: pages.flatMap(\.searchEntries)).javaScript.utf8)
    }

    static func label(_ chapter: WovenChapter) -> String {
        chapter.number.map { "\($0) \(chapter.title)" } ?? chapter.title
    }

    static func link(to chapter: WovenChapter) -> Pager.Link {
        Pager.Link(page: chapter.pageName, label: label(chapter))
    }
}

/// The whole-book part of rendering (see `HTMLBookRenderer.outline`).
public struct SiteOutline: Sendable {
    public var book: BookMetadata
    public var chapters: [WovenChapter]
    var layout: PageLayout
    var references: ReferenceTable
    var floatsByChapter: [[OutputKey: NumberedFloat]]
    var localTargets: [[String: ReferenceTable.Target]]

    /// What a chapter's page takes from the rest of the book: the book's title, the sidebar (every
    /// chapter's number, title and page, so also the previous and next links) and the reference
    /// table; not the other chapters' content. Equal fingerprints, equal pages for equal chapters.
    public var pageContextFingerprint: String {
        struct Context: Encodable {
            var layout: PageLayout
            var references: ReferenceTable
        }
        return Fingerprint.of(Context(layout: layout, references: references))
    }
}

/// One rendered page: its path in the site, its bytes, and its entries in the search index.
public struct RenderedPage: Sendable, Codable, Equatable {
    public var path: String
    public var bytes: [UInt8]
    var searchEntries: [SearchIndex.Entry]
}
