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
    public func render(book: BookMetadata, chapters: [WovenChapter], translations: [TranslatedEdition] = []) throws -> [String: [UInt8]] {
        var files = try KatexAssets(directory: katexDirectory).files()
        files.merge(try SiteAssets.files(editions: !translations.isEmpty)) { _, site in site }
        let languages = [Language.source] + translations.map(\.language)
        var sourceEdition = PageEdition.make(Language.source, in: languages)
        sourceEdition.strings = strings
        let source = try renderEdition(book: book, chapters: chapters, edition: sourceEdition)
        files.merge(source.files) { _, page in page }
        for translation in translations {
            let edition = try renderEdition(book: translation.book, chapters: translation.chapters,
                                            edition: .make(translation.language, in: languages),
                                            sourceHeadingIDs: source.headingIDs)
            files.merge(edition.files) { _, page in page }
        }
        return files
    }

    /// The pages and search index of one edition, and the heading ids of each page (a
    /// translation takes the source's, so sections have the same id in every edition).
    private func renderEdition(book: BookMetadata, chapters: [WovenChapter], edition: PageEdition,
                               sourceHeadingIDs: [String: [String]] = [:]) throws -> (files: [String: [UInt8]], headingIDs: [String: [String]]) {
        let strings = edition.strings
        let layout = PageLayout(bookTitle: book.title, chapters: chapters.map {
            PageLayout.SidebarChapter(ordinal: $0.ordinal, title: $0.title, page: $0.pageName)
        }, edition: edition)
        var files: [String: [UInt8]] = [:]
        var headingIDs: [String: [String]] = [:]
        var search = SearchIndex()
        // A translation's pages get their last pass; its search entries lose the markers.
        let finish = { (html: String) -> String in edition.isSource ? html : TranslatedPage.finish(html, edition: edition) }
        let plain = { (text: String) -> String in edition.isSource ? text : UntranslatedMarkers.strip(text) }

        // Labels first, over the whole book, so a reference may point into another chapter.
        let labels = try BookLabels(chapters, strings: strings)

        let index = try IndexPage(book: book, chapters: chapters, references: labels.bookReferences,
                                  pager: Pager(previous: nil, next: chapters.first.map(Self.link(to:)), strings: strings),
                                  strings: strings, sourceHeadingIDs: sourceHeadingIDs["index.html"] ?? []).render()
        headingIDs["index.html"] = index.headings.map(\.id)
        search.addPage(title: plain(book.title), summary: nil, page: "index.html", articleHTML: plain(index.articleHTML))
        files[edition.folder + "index.html"] = Array(finish(layout.render(PageLayout.Page(
            title: book.title, currentPage: nil, headings: index.headings,
            usesMath: index.usesMath, main: index.main))).utf8)

        for (position, chapter) in chapters.enumerated() {
            let pager = Pager(
                previous: position == 0 ? Pager.Link(page: "index.html", label: strings.preface) : Self.link(to: chapters[position - 1]),
                next: position + 1 < chapters.count ? Self.link(to: chapters[position + 1]) : nil,
                strings: strings)
            var page = chapterPage(chapter, at: position, labels: labels, book: book, pager: pager)
            page.strings = strings
            page.sourceHeadingIDs = sourceHeadingIDs[chapter.pageName] ?? []
            let rendered = try page.render()
            headingIDs[chapter.pageName] = rendered.headings.map(\.id)
            // The summary as the reader sees it on the index page (its math as text, not TeX).
            let summary = try chapter.summary.map {
                HTMLBlocks.text(try ProseHTML(sourcePath: chapter.sourcePath, references: labels.bookReferences,
                                              pageName: "index.html").renderInline(plain($0), line: 1))
            }
            search.addPage(title: plain(Self.label(chapter)), summary: summary, page: chapter.pageName,
                           articleHTML: plain(rendered.articleHTML))
            files[edition.folder + chapter.pageName] = Array(finish(layout.render(PageLayout.Page(
                title: "\(Self.label(chapter)) · \(book.title)", currentPage: chapter.pageName,
                headings: rendered.headings, usesMath: rendered.usesMath, main: rendered.main))).utf8)
        }
        files[edition.searchIndexFile] = Array(search.javaScript.utf8)
        return (files, headingIDs)
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
