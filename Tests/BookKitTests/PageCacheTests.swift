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
                        pages: PageCache) throws -> BookBuilder.RenderedSite {
        let site = try builder.render(chapters, book: book, pages: pages)
        let whole = try HTMLBookRenderer().render(book: book, chapters: chapters)
        XCTAssertEqual(site.files.keys.sorted(), whole.keys.sorted())
        for (path, bytes) in whole { XCTAssertEqual(site.files[path], bytes, "\(path) differs from the whole-site render") }
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

    func testTheKeyFollowsTheChapterTheContextAndThePosition() {
        let pages = PageCache(folder: nil)
        let chapter = RenderFixtureBook.chapters[1]
        let key = pages.key(for: chapter, position: 1, context: "c")
        XCTAssertEqual(pages.key(for: chapter, position: 1, context: "c"), key)
        XCTAssertNotEqual(pages.key(for: chapter, position: 0, context: "c"), key)
        XCTAssertNotEqual(pages.key(for: chapter, position: 1, context: "d"), key)
        var captioned = chapter
        guard case .cell(var cell) = captioned.items[1] else { return XCTFail("fixture changed") }
        cell.caption = "A new caption"
        captioned.items[1] = .cell(cell)
        XCTAssertNotEqual(pages.key(for: captioned, position: 1, context: "c"), key)
    }
}
