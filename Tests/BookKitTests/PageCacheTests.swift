@testable import BookKit
import Foundation
import XCTest

/// Stage 4 page by page: a page renders again only when its chapter, the book around it or the
/// renderer changed, and what comes out is always byte for byte the whole-site render.
final class PageCacheTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private var builder: BookBuilder {
        let layout = BookLayout(chaptersDirectory: root.appendingPathComponent("chapters"),
                                outputDirectory: root.appendingPathComponent("output"))
        return BookBuilder(layout: layout, toolchain: Toolchain(binDirectory: root, swiftc: URL(fileURLWithPath: "/bin/true")))
    }

    private func render(_ chapters: [WovenChapter], book: BookMetadata = RenderFixtureBook.book,
                        translations: [TranslatedEdition] = [], pages: PageCache) throws -> BookBuilder.RenderedSite {
        let site = try builder.render(chapters, book: book, translations: translations, pages: pages)
        let whole = try HTMLBookRenderer().render(book: book, chapters: chapters, translations: translations)
        XCTAssertEqual(site.files.keys.sorted(), whole.keys.sorted())
        // Compared as a flag: a failure names the page instead of printing both byte arrays.
        for (path, bytes) in whole { XCTAssertTrue(site.files[path] == bytes, "\(path) differs from the whole-site render") }
        return site
    }

    /// The second chapter with one more sentence of prose.
    private func editedProse() -> [WovenChapter] {
        var chapters = RenderFixtureBook.chapters
        guard case .prose(let markdown, let line, let values) = chapters[1].items[0] else { fatalError("fixture changed") }
        chapters[1].items[0] = .prose(markdown: markdown + "\n\nOne more sentence.", line: line, inlineValues: values)
        return chapters
    }

    func testUnchangedPagesAreNotRenderedAgain() throws {
        let pages = PageCache(folder: nil)
        let chapters = RenderFixtureBook.chapters
        XCTAssertEqual(try render(chapters, pages: pages).renderedPages, ["03-backpropagation.html", "05-initialization.html"])
        XCTAssertEqual(try render(chapters, pages: pages).renderedPages, [])
    }

    func testAProseEditRendersOnlyItsOwnPage() throws {
        let pages = PageCache(folder: nil)
        _ = try render(RenderFixtureBook.chapters, pages: pages)
        let site = try render(editedProse(), pages: pages)
        XCTAssertEqual(site.renderedPages, ["05-initialization.html"])
        let search = String(decoding: site.files[HTMLBookRenderer.searchIndexPath]!, as: UTF8.self)
        XCTAssertTrue(search.contains("One more sentence."), "the search index follows the edited page")
    }

    func testANewTitleRendersEveryPageSinceEverySidebarShowsIt() throws {
        let pages = PageCache(folder: nil)
        _ = try render(RenderFixtureBook.chapters, pages: pages)
        var retitled = RenderFixtureBook.chapters
        retitled[1].title = "Initialization"
        XCTAssertEqual(try render(retitled, pages: pages).renderedPages, ["03-backpropagation.html", "05-initialization.html"])
        var book = RenderFixtureBook.book
        book.title = "Another book"
        XCTAssertEqual(try render(retitled, book: book, pages: pages).renderedPages.count, 2)
    }

    func testPagesOnDiskServeTheNextBuildUnlessForced() throws {
        let folder = root.appendingPathComponent("pages")
        _ = try render(RenderFixtureBook.chapters, pages: PageCache(folder: folder))
        XCTAssertEqual(try render(RenderFixtureBook.chapters, pages: PageCache(folder: folder)).renderedPages, [],
                       "a new process finds the pages on disk")
        XCTAssertEqual(try render(RenderFixtureBook.chapters, pages: PageCache(folder: folder, trustingDisk: false)).renderedPages.count, 2)

        // A damaged entry is a miss, not a wrong page.
        let page = folder.appendingPathComponent("05-initialization.html.page")
        try Data("truncated".utf8).write(to: page)
        XCTAssertEqual(try render(RenderFixtureBook.chapters, pages: PageCache(folder: folder)).renderedPages, ["05-initialization.html"])
    }

    func testTheKeyFollowsTheChapterTheBookAroundItAndThePosition() throws {
        let pages = PageCache(folder: nil)
        let outline = try HTMLBookRenderer().outline(book: RenderFixtureBook.book, chapters: RenderFixtureBook.chapters)
        let key = pages.key(at: 1, in: outline)
        XCTAssertEqual(pages.key(at: 1, in: outline), key)
        XCTAssertNotEqual(pages.key(at: 0, in: outline), key)

        var captioned = outline
        guard case .cell(var cell) = captioned.chapters[1].items[1] else { return XCTFail("fixture changed") }
        cell.caption = "A new caption"
        captioned.chapters[1].items[1] = .cell(cell)
        XCTAssertNotEqual(pages.key(at: 1, in: captioned), key)

        var folded = outline
        folded.book.codeFold = true
        XCTAssertNotEqual(pages.key(at: 1, in: folded), key, "the book's code-fold default folds this page's blocks")
        var retitled = outline
        retitled.layout.bookTitle = "Another book"
        XCTAssertNotEqual(pages.key(at: 1, in: retitled), key)
        let chinese = try HTMLBookRenderer().outline(book: RenderFixtureBook.book, chapters: RenderFixtureBook.chapters,
                                                     edition: .make(.chinese, in: [.english, .chinese]))
        XCTAssertNotEqual(pages.key(at: 1, in: chinese), key, "the same chapter in another edition is another page")
        let twoEditions = try HTMLBookRenderer().outline(book: RenderFixtureBook.book, chapters: RenderFixtureBook.chapters,
                                                         edition: HTMLBookRenderer().sourceEdition(in: [.english, .chinese]))
        XCTAssertNotEqual(pages.key(at: 1, in: twoEditions), key, "the language switch links the other edition")
        XCTAssertNotEqual(pages.key(at: 1, in: chinese, sourceHeadingIDs: ["a"]), pages.key(at: 1, in: chinese),
                          "a translation's headings take the source page's ids")
    }

    // MARK: - Editions

    /// A Chinese edition of the fixture book: the chapters with their first prose run in Chinese.
    private func chineseEdition(_ chapters: [WovenChapter], sentence: String = "这是译文。") -> TranslatedEdition {
        let translated = chapters.map { chapter -> WovenChapter in
            var chapter = chapter
            if case .prose(let markdown, let line, let values) = chapter.items[0] {
                chapter.items[0] = .prose(markdown: markdown + "\n\n" + sentence, line: line, inlineValues: values)
            }
            return chapter
        }
        var book = RenderFixtureBook.book
        book.title = "神经之书"
        return TranslatedEdition(language: .chinese, book: book, chapters: translated)
    }

    func testEachEditionsPagesAreCachedUnderTheirOwnKeys() throws {
        let pages = PageCache(folder: root.appendingPathComponent("pages"))
        let chapters = RenderFixtureBook.chapters
        let first = try render(chapters, translations: [chineseEdition(chapters)], pages: pages)
        XCTAssertEqual(first.renderedPages, ["03-backpropagation.html", "05-initialization.html",
                                             "zh/03-backpropagation.html", "zh/05-initialization.html"])
        XCTAssertTrue(page("zh/05-initialization.html", first).contains("这是译文。"))
        XCTAssertFalse(page("05-initialization.html", first).contains("这是译文。"))
        XCTAssertNotNil(first.files["assets/search-index-zh.js"])
        XCTAssertEqual(try render(chapters, translations: [chineseEdition(chapters)], pages: pages).renderedPages, [])
        XCTAssertEqual(try render(chapters, translations: [chineseEdition(chapters)],
                                  pages: PageCache(folder: root.appendingPathComponent("pages"))).renderedPages, [],
                       "a later build finds both editions' pages on disk")

        // A translation edited (a catalog saved): only the translated pages of that chapter.
        var edited = chineseEdition(chapters)
        edited.chapters[1] = chineseEdition([chapters[1]], sentence: "新的译文。").chapters[0]
        XCTAssertEqual(try render(chapters, translations: [edited], pages: pages).renderedPages, ["zh/05-initialization.html"])

        // English prose edited: its page, and the Chinese page of the chapter only when its own text changed.
        let english = editedProse()
        XCTAssertEqual(try render(english, translations: [edited], pages: pages).renderedPages, ["05-initialization.html"])
    }

    func testATranslationFollowsTheSourcePagesHeadingIDs() throws {
        let pages = PageCache(folder: nil)
        let chapters = RenderFixtureBook.chapters
        _ = try render(chapters, translations: [chineseEdition(chapters)], pages: pages)
        // The English heading renamed changes its id; the Chinese page, whose own text did not
        // change, renders again to take the new id.
        var renamed = chapters
        guard case .prose(let markdown, let line, let values) = renamed[1].items[0] else { return XCTFail("fixture changed") }
        renamed[1].items[0] = .prose(markdown: markdown.replacingOccurrences(of: "## Variance-preserving initialization",
                                                                             with: "## Variance preserved"),
                                     line: line, inlineValues: values)
        let site = try render(renamed, translations: [chineseEdition(chapters)], pages: pages)
        XCTAssertEqual(site.renderedPages, ["05-initialization.html", "zh/05-initialization.html"])
        XCTAssertTrue(page("zh/05-initialization.html", site).contains("id=\"variance-preserved\""))
    }

    // MARK: - What a page takes from other chapters

    /// Chapter 3 labels a section and an equation; chapter 4 cites nothing; chapter 5 cites the
    /// section in its prose and the equation in a figure caption; appendix A cites chapter 3's title.
    private func citingBook(chapter3 prose3: String) -> [WovenChapter] {
        let chapter3 = WovenChapter(sourcePath: "chapters/03-basics.md", slug: "03-basics", number: 3, title: "Basics",
                                    summary: nil, items: [.prose(markdown: prose3, line: 1, inlineValues: [])])
        let chapter4 = WovenChapter(sourcePath: "chapters/04-more.md", slug: "04-more", number: 4, title: "More",
                                    summary: nil, items: [.prose(markdown: "# More\n\n## Plain\n\nNo references here.", line: 1, inlineValues: [])])
        let chapter5 = WovenChapter(
            sourcePath: "chapters/05-citing.md", slug: "05-citing", number: 5, title: "Citing", summary: nil,
            items: [.prose(markdown: "# Citing\n\nAs @sec-weight-decay showed, decay helps.", line: 1, inlineValues: []),
                    .cell(WovenCell(index: 1, language: "swift", code: "show(chart)", line: 5, label: "fig-decay",
                                    caption: "The loss of @eq-decay over training",
                                    outputs: [.figure(svg: RenderFixtureBook.svg, caption: nil, label: nil, alt: "two lines")]))])
        let appendix = WovenChapter(sourcePath: "chapters/A-notes.md", slug: "A-notes", ordinal: .appendix("A"), title: "Notes",
                                    summary: nil, items: [.prose(markdown: "# Notes\n\nSee @sec-basics and @fig-decay.", line: 1, inlineValues: [])])
        return [chapter3, chapter4, chapter5, appendix]
    }

    private static let chapter3 = """
        # Basics {#sec-basics}

        ## Losses

        ## Weight decay {#sec-weight-decay}

        $$ L' = L + \\lambda \\lVert w \\rVert^2 $$ {#eq-decay}
        """

    func testRenumberingASectionRendersThePagesThatCiteItAgain() throws {
        let pages = PageCache(folder: nil)
        let first = try render(citingBook(chapter3: Self.chapter3), pages: pages)
        XCTAssertEqual(first.renderedPages, ["03-basics.html", "04-more.html", "05-citing.html", "A-notes.html"])
        XCTAssertTrue(page("05-citing.html", first).contains(">Section 3.2</a>"))

        // A prose edit in chapter 3 that numbers nothing differently: only its own page.
        let reworded = Self.chapter3.replacingOccurrences(of: "## Losses", with: "## Losses\n\nA new sentence.")
        XCTAssertEqual(try render(citingBook(chapter3: reworded), pages: pages).renderedPages, ["03-basics.html"])

        // A new section before the labelled one: "Section 3.2" is now "Section 3.3", and chapter 5
        // cites it; chapter 4 and the appendix cite nothing that moved.
        let renumbered = reworded.replacingOccurrences(of: "## Losses", with: "## Warm-up\n\n## Losses")
        let second = try render(citingBook(chapter3: renumbered), pages: pages)
        XCTAssertEqual(second.renderedPages, ["03-basics.html", "05-citing.html"])
        XCTAssertTrue(page("05-citing.html", second).contains(">Section 3.3</a>"))
        XCTAssertFalse(page("05-citing.html", second).contains("Section 3.2"))
    }

    func testRenumberingAnEquationReachesACaptionThatCitesIt() throws {
        let pages = PageCache(folder: nil)
        _ = try render(citingBook(chapter3: Self.chapter3), pages: pages)
        let renumbered = Self.chapter3.replacingOccurrences(of: "## Losses", with: "## Losses\n\n$$ L = -\\log p $$ {#eq-loss}")
        let site = try render(citingBook(chapter3: renumbered), pages: pages)
        XCTAssertEqual(site.renderedPages, ["03-basics.html", "05-citing.html"])
        XCTAssertTrue(page("05-citing.html", site).contains("Equation 3.2"))
    }

    func testAChapterThatBecomesAnAppendixRendersItsCitersAgain() throws {
        let pages = PageCache(folder: nil)
        _ = try render(citingBook(chapter3: Self.chapter3), pages: pages)
        var book = citingBook(chapter3: Self.chapter3)
        // Chapter 5 becomes appendix B (its file renamed B-citing.md): its figure is Figure B.1,
        // which appendix A cites; every sidebar lists it under its new letter.
        book[2].ordinal = .appendix("B")
        book.swapAt(2, 3)
        let site = try render(book, pages: pages)
        XCTAssertEqual(site.renderedPages.sorted(), ["03-basics.html", "04-more.html", "05-citing.html", "A-notes.html"])
        XCTAssertTrue(page("A-notes.html", site).contains("Figure B.1"))
    }

    func testMentionedLabelsHoldEveryReferenceWhereverItIs() {
        let text = #"{"a":"see 见@sec-cafe和, @fig-x_ and `@tbl-y` \n@eq-z\n","b":"mail@sec-w @fig- @foo-bar"}"#
        XCTAssertEqual(ProtectedProse.mentionedLabels(in: text), ["sec-cafe", "fig-x", "tbl-y", "eq-z", "sec-w"])
    }

    private func page(_ path: String, _ site: BookBuilder.RenderedSite) -> String {
        String(decoding: site.files[path] ?? [], as: UTF8.self)
    }
}
