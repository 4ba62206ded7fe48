import XCTest
@testable import BookKit

/// The site as a whole: deterministic bytes, search index, offline assets, pages linked together.
final class RenderSiteTests: XCTestCase {
    func testRenderingTwiceGivesTheSameBytes() throws {
        let first = try RenderFixtureBook.render()
        let second = try RenderFixtureBook.render()
        XCTAssertEqual(first.keys.sorted(), second.keys.sorted())
        for (path, bytes) in first { XCTAssertEqual(bytes, second[path], path) }
    }

    func testSearchIndexHoldsChaptersHeadingsParagraphsAndCaptions() throws {
        let script = String(decoding: try RenderFixtureBook.render()["assets/search-index.js"]!, as: UTF8.self)
        XCTAssertTrue(script.contains("window.BOOK_SEARCH = ["))
        XCTAssertTrue(script.contains("{\"k\":\"chapter\",\"t\":\"3 Backpropagation\","))
        XCTAssertTrue(script.contains("{\"k\":\"section\",\"t\":\"5 Initialization and Normalization › 5.2 Batch normalization\",\"x\":\"5.2 Batch normalization\",\"u\":\"05-initialization.html#batch-normalization\"}"), script)
        XCTAssertTrue(script.contains("\"u\":\"03-backpropagation.html#a-gradient-check\""))
        XCTAssertTrue(script.contains("{\"k\":\"figure\",\"t\":\"3 Backpropagation › 3.2 A gradient check\",\"x\":\"Figure 3.1: Training loss of a tiny model"), script)
        XCTAssertTrue(script.contains("\"k\":\"paragraph\""))
    }

    func testEveryAssetIsLocalAndKatexShipsOnlyWoff2Fonts() throws {
        let files = try RenderFixtureBook.render()
        for (path, bytes) in files where path.hasSuffix(".html") {
            let page = String(decoding: bytes, as: UTF8.self)
            XCTAssertFalse(page.contains("src=\"http"), path)
            XCTAssertFalse(page.contains("href=\"http") && page.contains("stylesheet\" href=\"http"), path)
        }
        let css = String(decoding: files["assets/katex/katex.min.css"]!, as: UTF8.self)
        XCTAssertTrue(css.contains("url(fonts/KaTeX_Main-Regular.woff2)"))
        XCTAssertFalse(css.contains(".ttf") || css.contains(".woff)"))
        for font in css.components(separatedBy: "url(fonts/").dropFirst() {
            let name = String(font.prefix { $0 != ")" })
            XCTAssertNotNil(files["assets/katex/fonts/\(name)"], name)
        }
    }

    func testWoff2OnlyRewrite() {
        let css = "@font-face{font-family:A;src:url(fonts/A.woff2) format('woff2'),url(fonts/A.woff) format('woff'),url(fonts/A.ttf) format('truetype');font-weight:400}"
        XCTAssertEqual(KatexAssets.woff2Only(css), "@font-face{font-family:A;src:url(fonts/A.woff2) format('woff2');font-weight:400}")
    }

    func testMissingKatexTellsHowToInstallIt() {
        let renderer = HTMLBookRenderer(katexDirectory: "/nonexistent/katex")
        XCTAssertThrowsError(try renderer.render(book: RenderFixtureBook.book, chapters: [])) { error in
            XCTAssertTrue("\(error)".contains("apt-get install libjs-katex fonts-katex"), "\(error)")
        }
    }

    func testIndexListsChaptersWithSummariesAndPagesLinkToNeighbours() throws {
        let files = try RenderFixtureBook.render()
        let index = String(decoding: files["index.html"]!, as: UTF8.self)
        XCTAssertTrue(index.contains("<h1>Neural Networks, Executed</h1>"))
        XCTAssertTrue(index.contains("Every number in this book comes from code"))
        XCTAssertTrue(index.contains("<a class=\"chapter-link\" href=\"05-initialization.html\"><span class=\"num\">5</span><span class=\"chapter-title\">Initialization and Normalization</span></a><p class=\"chapter-summary\">Xavier and He initialization; batch normalization.</p>"), index)
        let first = String(decoding: files["03-backpropagation.html"]!, as: UTF8.self)
        XCTAssertTrue(first.contains("href=\"index.html\" rel=\"prev\""))
        XCTAssertTrue(first.contains("href=\"05-initialization.html\" rel=\"next\""))
        XCTAssertTrue(first.contains("<a class=\"skip-link\" href=\"#content\">"))
        XCTAssertTrue(first.contains("<main id=\"content\""))
    }
}
