import XCTest
@testable import BookKit

/// Headings get stable ids and anchor links, and feed the sidebar's section list.
final class RenderHeadingTests: XCTestCase {
    func testHeadingsGetAnchorsAndStableSlugs() {
        var slugs = SlugAllocator(reserved: ["cell-1"])
        let result = HeadingAnchors.process("<h2>The <code>Chain</code> Rule!</h2>\n<h3>Cell 1</h3>",
                                            slugs: &slugs, dropTitle: nil)
        XCTAssertEqual(result.headings.map(\.id), ["the-chain-rule", "cell-1-2"])
        XCTAssertTrue(result.html.hasPrefix(
            "<h2 id=\"the-chain-rule\"><a class=\"anchor\" href=\"#the-chain-rule\" aria-label=\"Link to this section\">#</a>The <code>Chain</code> Rule!</h2>"),
            result.html)
        XCTAssertEqual(result.headings.first?.text, "The Chain Rule!")
    }

    func testDuplicateHeadingsAreDisambiguatedInReadingOrder() {
        var slugs = SlugAllocator()
        let result = HeadingAnchors.process("<h2>Setup</h2><h3>Setup</h3><h2>Setup</h2>", slugs: &slugs, dropTitle: nil)
        XCTAssertEqual(result.headings.map(\.id), ["setup", "setup-2", "setup-3"])
    }

    func testUnicodeHeadingsKeepTheirLetters() {
        XCTAssertEqual(SlugAllocator.slug("中文 标题"), "中文-标题")
        XCTAssertEqual(SlugAllocator.slug("?!"), "section")
    }

    func testRepeatedChapterTitleIsDropped() {
        var slugs = SlugAllocator()
        let result = HeadingAnchors.process("<h1>Backpropagation</h1>\n<h2>Next</h2>", slugs: &slugs, dropTitle: "Backpropagation")
        XCTAssertFalse(result.html.contains("<h1"))
        XCTAssertEqual(result.headings.map(\.level), [2])
    }

    func testChapterPageListsItsSectionsInTheSidebar() throws {
        let page = String(decoding: try RenderFixtureBook.render()["05-initialization.html"]!, as: UTF8.self)
        XCTAssertTrue(page.contains("<li class=\"toc-h2\"><a href=\"#batch-normalization\"><span class=\"section-number\">5.2</span> Batch normalization</a></li>"), page)
        XCTAssertTrue(page.contains("<li class=\"toc-h2\"><a href=\"#batch-normalization-2\"><span class=\"section-number\">5.3</span> Batch normalization</a></li>"))
        XCTAssertTrue(page.contains("<h2 id=\"variance-preserving-initialization\">"))
        XCTAssertTrue(page.contains("aria-current=\"page\""))
    }

    func testTheHeadingScanFindsEachCompleteHeadingInOrder() {
        let html = "<p>a <hr> <head></p><h2>First <em>one</em></h2><h7>no</h7><h3>unclosed<h4>Inner</h4>"
            + "<h1>Über</h1><p>é</p><h6>Last</h6><h5>cut"
        let found = HeadingAnchors.headings(in: html)
        XCTAssertEqual(found.map(\.level), [2, 4, 1, 6])
        XCTAssertEqual(found.map(\.inner), ["First <em>one</em>", "Inner", "Über", "Last"])
    }
}
