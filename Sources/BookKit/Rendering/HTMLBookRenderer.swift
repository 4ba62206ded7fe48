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

    /// The line of `sourcePath` where `prefaceMarkdown` starts.
    public var prefaceLine: Int
    /// The line of the front matter's `title:`, if the title comes from there.
    public var titleLine: Int?
    /// The book setting `editions:` (language codes, source first), if given.
    public var editions: [String]?

    public init(title: String, prefaceMarkdown: String, sourcePath: String, codeFold: Bool? = nil, prefaceLine: Int = 1,
                titleLine: Int? = nil, editions: [String]? = nil) {
        self.title = title
        self.prefaceMarkdown = prefaceMarkdown
        self.sourcePath = sourcePath
        self.codeFold = codeFold
        self.prefaceLine = prefaceLine
        self.titleLine = titleLine
        self.editions = editions
    }
}

/// A translation of the whole book, ready to render: the same woven chapters with their text in
/// `language` (see `WovenTranslator`), where a unit without a current translation keeps its
/// source text between `UntranslatedMarkers`.
public struct TranslatedEdition: Sendable {
    public var language: Language
    public var book: BookMetadata
    public var chapters: [WovenChapter]

    public init(language: Language, book: BookMetadata, chapters: [WovenChapter]) {
        self.language = language
        self.book = book
        self.chapters = chapters
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

    /// The words around the author's text in the source edition (`UIStrings`).
    var strings = UIStrings.english

    /// Every file of the site: relative path -> bytes. `index.html`, one page per chapter
    /// (`chapter.pageName`), `assets/book.css`, `assets/*.js`, `assets/search-index.js` and
    /// `assets/katex/...`; for each translation the same pages under `<code>/` and its own
    /// `assets/search-index-<code>.js`. The same input always gives the same bytes.
    ///
    /// Throws a `BookError` (stage `.render`) naming the chapter file and line for an unknown
    /// `@fig-`/`@tbl-`/`@eq-`/`@sec-` reference or a duplicate label, and when KaTeX is not installed.
    ///
    /// The steps are separate so the pipeline can render page by page and keep pages whose inputs
    /// did not change (`BookBuilder.render` through `site`, with a `PageCache`): per edition
    /// `outline`, then `index` and each `chapterPage`, `searchIndex` over the edition's pages;
    /// `assets` once. A translation's pages take the source pages' heading ids, so the source
    /// edition comes first.
    public func render(book: BookMetadata, chapters: [WovenChapter], translations: [TranslatedEdition] = []) throws -> [String: [UInt8]] {
        try site(book: book, chapters: chapters, translations: translations) { outline, sourceHeadingIDs in
            try outline.chapters.indices.map { position in
                try chapterPage(at: position, outline, sourceHeadingIDs: sourceHeadingIDs[outline.chapters[position].pageName] ?? [])
            }
        }
    }

    /// `render`, with each edition's chapter pages made by `chapterPages` (from the edition's
    /// outline and the source pages' heading ids by page name, in chapter order), so a caller
    /// may render them in parallel or take them from a cache (`BookBuilder.render`).
    func site(book: BookMetadata, chapters: [WovenChapter], translations: [TranslatedEdition],
              chapterPages: (SiteOutline, [String: [String]]) throws -> [RenderedPage]) throws -> [String: [UInt8]] {
        var files = try assets(editions: !translations.isEmpty)
        let languages = [Language.source] + translations.map(\.language)
        var sourceHeadingIDs: [String: [String]] = [:]
        let editions = [(language: Language.source, book: book, chapters: chapters)]
            + translations.map { (language: $0.language, book: $0.book, chapters: $0.chapters) }
        for edition in editions {
            let isSource = edition.language == Language.source
            let outline = try self.outline(book: edition.book, chapters: edition.chapters,
                                           edition: isSource ? sourceEdition(in: languages) : .make(edition.language, in: languages))
            let pages = [try index(outline, sourceHeadingIDs: sourceHeadingIDs["index.html"] ?? [])]
                + (try chapterPages(outline, sourceHeadingIDs))
            if isSource {
                for page in pages { sourceHeadingIDs[outline.edition.pageName(of: page.path)] = page.headingIDs }
            }
            for page in pages { files[page.path] = page.bytes }
            files[outline.edition.searchIndexFile] = Self.searchIndex(pages)
        }
        return files
    }

    /// The files every book has, whatever its chapters: KaTeX and the site's CSS and scripts
    /// (with `editions`, also the language switch's).
    public func assets(editions: Bool = false) throws -> [String: [UInt8]] {
        var files = try KatexAssets(directory: katexDirectory).files()
        files.merge(try SiteAssets.files(editions: editions)) { _, site in site }
        return files
    }

    /// The source edition in a book published in `languages`, in this renderer's words.
    func sourceEdition(in languages: [Language]) -> PageEdition {
        var edition = PageEdition.make(Language.source, in: languages)
        edition.strings = strings
        return edition
    }

    /// What every page of one edition shares, worked out over the whole book before any page is
    /// rendered: the sidebar, and every chapter's labels (a reference may point forward and into
    /// another chapter). `edition` nil: the source edition of a book without translations.
    func outline(book: BookMetadata, chapters: [WovenChapter], edition: PageEdition? = nil) throws -> SiteOutline {
        let edition = edition ?? sourceEdition(in: [Language.source])
        let layout = PageLayout(bookTitle: book.title, chapters: chapters.map {
            PageLayout.SidebarChapter(ordinal: $0.ordinal, title: $0.title, page: $0.pageName)
        }, edition: edition)
        return SiteOutline(book: book, chapters: chapters, layout: layout,
                           labels: try BookLabels(chapters, strings: edition.strings))
    }

    /// The edition's `index.html`: title, preface, the chapters and the appendices.
    /// - Parameter sourceHeadingIDs: for a translation, the source index page's heading ids.
    func index(_ outline: SiteOutline, sourceHeadingIDs: [String] = []) throws -> RenderedPage {
        let book = outline.book, chapters = outline.chapters, edition = outline.edition, strings = edition.strings
        let index = try IndexPage(book: book, chapters: chapters, references: outline.labels.bookReferences,
                                  pager: Pager(previous: nil, next: chapters.first.map(Self.link(to:)), strings: strings),
                                  strings: strings, sourceHeadingIDs: sourceHeadingIDs).render()
        let html = outline.layout.render(PageLayout.Page(
            title: book.title, currentPage: nil, headings: index.headings, usesMath: index.usesMath, main: index.main))
        return RenderedPage(path: edition.folder + "index.html", bytes: Array(edition.finish(html).utf8),
                            searchEntries: SearchIndex.entries(title: edition.plain(book.title), summary: nil, page: "index.html",
                                                               articleHTML: edition.plain(index.articleHTML)),
                            headingIDs: index.headings.map(\.id))
    }

    /// The page of chapter `position` (an index into the outline's chapters), with its search
    /// entries. What it reads of the outline is what `SiteOutline.pageContextFingerprint` covers.
    /// - Parameter sourceHeadingIDs: for a translation, the source page's heading ids.
    func chapterPage(at position: Int, _ outline: SiteOutline, sourceHeadingIDs: [String] = []) throws -> RenderedPage {
        let chapters = outline.chapters, chapter = chapters[position], edition = outline.edition, strings = edition.strings
        let pager = Pager(
            previous: position == 0 ? Pager.Link(page: "index.html", label: strings.preface) : Self.link(to: chapters[position - 1]),
            next: position + 1 < chapters.count ? Self.link(to: chapters[position + 1]) : nil,
            strings: strings)
        var page = chapterPage(chapter, at: position, labels: outline.labels, book: outline.book, pager: pager)
        page.strings = strings
        page.sourceHeadingIDs = sourceHeadingIDs
        let rendered = try page.render()
        // The summary as the reader sees it on the index page (its math as text, not TeX).
        let summary = try chapter.summary.map {
            HTMLBlocks.text(try ProseHTML(sourcePath: chapter.sourcePath, references: outline.labels.bookReferences,
                                          pageName: "index.html").renderInline(edition.plain($0), line: 1))
        }
        let html = outline.layout.render(PageLayout.Page(
            title: "\(Self.label(chapter)) · \(outline.book.title)", currentPage: chapter.pageName,
            headings: rendered.headings, usesMath: rendered.usesMath, main: rendered.main))
        return RenderedPage(path: edition.folder + chapter.pageName, bytes: Array(edition.finish(html).utf8),
                            searchEntries: SearchIndex.entries(title: edition.plain(Self.label(chapter)), summary: summary,
                                                               page: chapter.pageName, articleHTML: edition.plain(rendered.articleHTML)),
                            headingIDs: rendered.headings.map(\.id))
    }

    /// The source edition's search index (a translation's: `PageEdition.searchIndexFile`).
    public static let searchIndexPath = "assets/search-index.js"

    /// The search index over one edition's `pages`, in their order.
    static func searchIndex(_ pages: [RenderedPage]) -> [UInt8] {
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
