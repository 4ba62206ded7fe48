// Rendering stage: woven chapters in, every file of the static site out (no I/O except reading
// KaTeX from /usr/share). The PIPELINE's writer puts the returned files into `output/`.

/// What the book says about itself, from `chapters/index.md`.
public struct BookMetadata: Sendable {
    public var title: String
    /// Markdown shown on `index.html` above the chapter list.
    public var prefaceMarkdown: String
    /// Where the preface came from, e.g. `chapters/index.md`, for error messages.
    public var sourcePath: String
    /// `code-fold:` in index.md's front matter: whether code blocks are folded when neither the
    /// block nor its chapter says; nil (not set) is false.
    public var codeFold: Bool?

    public init(title: String, prefaceMarkdown: String, sourcePath: String, codeFold: Bool? = nil) {
        self.title = title
        self.prefaceMarkdown = prefaceMarkdown
        self.sourcePath = sourcePath
        self.codeFold = codeFold
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

    /// The words around the author's text (`UIStrings`).
    var strings = UIStrings.english

    /// Every file of the site: relative path -> bytes. `index.html`, one page per chapter
    /// (`chapter.pageName`), `assets/book.css`, `assets/*.js`, `assets/search-index.js` and
    /// `assets/katex/...`. The same input always gives the same bytes.
    ///
    /// Throws a `BookError` (stage `.render`) naming the chapter file and line for an unknown
    /// `@fig-`/`@tbl-`/`@eq-`/`@sec-` reference or a duplicate label, and when KaTeX is not installed.
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
    /// sidebar, and every chapter's labels (a reference may point forward and into another chapter).
    public func outline(book: BookMetadata, chapters: [WovenChapter]) throws -> SiteOutline {
        let layout = PageLayout(bookTitle: book.title, chapters: chapters.map {
            PageLayout.SidebarChapter(ordinal: $0.ordinal, title: $0.title, page: $0.pageName)
        }, strings: strings)
        return SiteOutline(book: book, chapters: chapters, layout: layout, labels: try BookLabels(chapters, strings: strings))
    }

    /// `index.html`: title, preface, the chapters and the appendices.
    public func index(_ outline: SiteOutline) throws -> RenderedPage {
        let book = outline.book, chapters = outline.chapters
        let index = try IndexPage(book: book, chapters: chapters, references: outline.labels.bookReferences,
                                  pager: Pager(previous: nil, next: chapters.first.map(Self.link(to:))),
                                  strings: strings).render()
        let html = outline.layout.render(PageLayout.Page(
            title: book.title, currentPage: nil, headings: index.headings, usesMath: index.usesMath, main: index.main))
        return RenderedPage(path: "index.html", bytes: Array(html.utf8),
                            searchEntries: SearchIndex.entries(title: book.title, summary: nil, page: "index.html",
                                                               articleHTML: index.articleHTML))
    }

    /// The page of chapter `position` (an index into the outline's chapters), with its search
    /// entries. What it reads of the outline is what `SiteOutline.pageContextFingerprint` covers.
    public func chapterPage(at position: Int, _ outline: SiteOutline) throws -> RenderedPage {
        let chapters = outline.chapters, chapter = chapters[position]
        let pager = Pager(
            previous: position == 0 ? Pager.Link(page: "index.html", label: strings.preface) : Self.link(to: chapters[position - 1]),
            next: position + 1 < chapters.count ? Self.link(to: chapters[position + 1]) : nil)
        let rendered = try chapterPage(chapter, at: position, labels: outline.labels, book: outline.book, pager: pager).render()
        // The summary as the reader sees it on the index page (its math as text, not TeX).
        let summary = try chapter.summary.map {
            HTMLBlocks.text(try ProseHTML(sourcePath: chapter.sourcePath, references: outline.labels.bookReferences,
                                          pageName: "index.html").renderInline($0, line: 1))
        }
        let html = outline.layout.render(PageLayout.Page(
            title: "\(Self.label(chapter)) · \(outline.book.title)", currentPage: chapter.pageName,
            headings: rendered.headings, usesMath: rendered.usesMath, main: rendered.main))
        return RenderedPage(path: chapter.pageName, bytes: Array(html.utf8),
                            searchEntries: SearchIndex.entries(title: Self.label(chapter), summary: summary,
                                                               page: chapter.pageName, articleHTML: rendered.articleHTML))
    }

    public static let searchIndexPath = "assets/search-index.js"

    /// `assets/search-index.js` over `pages`, in their order.
    public static func searchIndex(_ pages: [RenderedPage]) -> [UInt8] {
        Array(SearchIndex(entries: pages.flatMap(\.searchEntries)).javaScript.utf8)
    }

    func chapterPage(_ chapter: WovenChapter, at position: Int, labels: BookLabels, book: BookMetadata, pager: Pager) -> ChapterPage {
        ChapterPage(chapter: chapter, labels: labels.chapters[position], references: labels.references(forChapterAt: position),
                    pager: pager, bookCodeFold: book.codeFold ?? false, strings: strings)
    }

    /// "5 Parameter initialization", "A Checking the engine": the chapter in lists and titles.
    static func label(_ chapter: WovenChapter) -> String {
        chapter.ordinal.map { "\($0.label) \(chapter.title)" } ?? chapter.title
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
    /// Every chapter's labels: numbered figures, tables, equations, sections, exercises, chapters.
    var labels: BookLabels

    /// What the page of chapter `position` takes from the rest of the book, as a fingerprint:
    /// - the layout: the book's title, the UI strings and the sidebar (every chapter's ordinal,
    ///   title and page, so also the previous and next links, given the position);
    /// - the book's `code-fold` default (index.md's front matter);
    /// - for each label in `mentioned`, what it names in the book (page, element id, and the text
    ///   a reference shows: "Section 3.2", "Equation A.1", "Exercise 4.3", "Chapter 6").
    ///
    /// `mentioned` must hold every label the chapter's text refers to (`PageCache` passes
    /// `ProtectedProse.mentionedLabels` of the whole woven chapter, a superset): then renumbering a
    /// section of chapter 3 changes the fingerprint of chapter 5's page when chapter 5 cites that
    /// section, and of no page that does not. The chapter's own labels are not here: they follow
    /// from the chapter and the strings. Equal fingerprints and equal chapters give equal pages.
    func pageContextFingerprint(at position: Int, mentioning mentioned: Set<String>) -> String {
        struct Context: Encodable {
            var layout: PageLayout
            var position: Int
            var bookCodeFold: Bool
            /// Label -> what it names; a label nothing has is absent (rendering then fails).
            var targets: [String: ReferenceTable.Target]
        }
        let references = labels.bookReferences
        var targets: [String: ReferenceTable.Target] = [:]
        for label in mentioned { targets[label] = references.target(for: label) }
        return Fingerprint.of(Context(layout: layout, position: position, bookCodeFold: book.codeFold ?? false,
                                      targets: targets))
    }
}

/// One rendered page: its path in the site, its bytes, and its entries in the search index.
public struct RenderedPage: Sendable, Codable, Equatable {
    public var path: String
    public var bytes: [UInt8]
    var searchEntries: [SearchIndex.Entry]
}
