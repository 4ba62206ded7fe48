import XCTest
@testable import BookKit

/// The one-document rendering `book pdf` prints, and what it reads back from the PDF.
final class PrintBookTests: XCTestCase {
    func testIdsAndLinksAreScopedPerChapter() {
        let ids = PrintIDs(scopes: ["index.html": "preface", "03-b.html": "03-b", "05-i.html": "05-i"])
        let html = "<h2 id=\"sec-a\"><a class=\"anchor\" href=\"#sec-a\">#</a>A</h2>"
            + "<a href=\"05-i.html#fig-x\">Figure 5.1</a> <a href=\"05-i.html\">5</a> <a href=\"https://x.org/#y\">web</a>"
            + "<section aria-labelledby=\"e-1 e-2\"></section><pre>print(\"id=\\\"kept\\\" href=\\\"#kept\\\"\")</pre>"
        XCTAssertEqual(ids.rewrite(html, scope: "03-b"),
                       "<h2 id=\"03-b--sec-a\"><a class=\"anchor\" href=\"#03-b--sec-a\">#</a>A</h2>"
                       + "<a href=\"#05-i--fig-x\">Figure 5.1</a> <a href=\"#05-i\">5</a> <a href=\"https://x.org/#y\">web</a>"
                       + "<section aria-labelledby=\"03-b--e-1 03-b--e-2\"></section><pre>print(\"id=\\\"kept\\\" href=\\\"#kept\\\"\")</pre>")
        XCTAssertEqual(ids.rewrite("a < b and <3", scope: "x"), "a < b and <3", "a lone < is text")
    }

    func testTheDocumentHasTitlePageContentsAndEveryChapter() throws {
        var printBook = PrintBook(pageNumbers: nil, expandCode: false)
        let first = try printBook.render(book: RenderFixtureBook.book, chapters: RenderFixtureBook.chapters)
        let html = String(decoding: first.files[PrintBook.documentName]!, as: UTF8.self)
        XCTAssertTrue(html.contains("<html lang=\"en\" class=\"print-book\">"))
        XCTAssertTrue(html.contains("<section class=\"print-title-page\"><h1>Neural Networks, Executed</h1></section>"))
        XCTAssertEqual(first.contents.filter { $0.level == 1 }.map(\.id), ["preface", "03-backpropagation", "05-initialization"])
        XCTAssertTrue(first.contents.contains(PrintBook.Entry(id: "03-backpropagation--the-chain-rule", number: nil,
                                                              title: "3.1 The chain rule", level: 2)), "\(first.contents)")
        XCTAssertTrue(html.contains("<section class=\"print-chapter\" id=\"03-backpropagation\">"))
        XCTAssertTrue(html.contains("id=\"03-backpropagation--fig-loss-curve\""))
        XCTAssertTrue(html.contains("href=\"#03-backpropagation--fig-loss-curve\""), "a cross-chapter reference stays a link")
        XCTAssertTrue(html.contains("<span class=\"print-toc-page\">000</span>"), "placeholders in the first pass")
        XCTAssertNotNil(first.files["assets/book.css"])
        XCTAssertNil(first.files["assets/search-index.js"], "nothing to search on paper")

        printBook.pageNumbers = Dictionary(uniqueKeysWithValues: first.contents.enumerated().map { ($1.id, $0 + 3) })
        printBook.expandCode = true
        let second = String(decoding: try printBook.render(book: RenderFixtureBook.book, chapters: RenderFixtureBook.chapters)
                                .files[PrintBook.documentName]!, as: UTF8.self)
        XCTAssertTrue(second.contains("class=\"print-book print-expand-code\""))
        XCTAssertTrue(second.contains("<a class=\"print-toc-title\" href=\"#03-backpropagation\"><span class=\"num\">3 </span>Backpropagation</a>"
                                      + "<span class=\"print-toc-dots\" aria-hidden=\"true\"></span><span class=\"print-toc-page\">4</span>"), second)
    }

    func testPdfinfoDestinationsAreRead() {
        let listing = """
        Page  Destination                 Name
           2 [ XYZ    6  776 null      ] "preface"
          14 [ XYZ    6  776 null      ] "05-initialization--sec-xavier"
          14 [ XYZ    6  500 null      ] "odd \\"name"
        """
        let pages = PDFInfo.destinations(fromListing: listing)
        XCTAssertEqual(pages["preface"], 2)
        XCTAssertEqual(pages["05-initialization--sec-xavier"], 14)
        XCTAssertNil(pages["Name"])
    }

    /// The browser driver itself, when Chromium is installed (CI installs it for the page check):
    /// a page loads, a script answers, and nothing of the browser outlives `stop()`.
    func testChromiumRunsAPageAndStopsWhole() throws {
        guard let executable = Chromium.locate() else { throw XCTSkip("no Chromium on the PATH") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("p.html")
        try Data("<html><body><h1 id=\"t\">Hi</h1><script>document.title = 'x' + (6 * 7)</script></body></html>".utf8).write(to: page)
        let browser = try Chromium(executable: executable)
        let session = try browser.open(page)
        XCTAssertEqual(try browser.evaluate("document.title", session: session) as? String, "x42")
        let result = try browser.devTools.call("Page.printToPDF", [:], session: session)
        XCTAssertTrue((result["data"] as? String)?.hasPrefix("JVBER") ?? false, "a PDF, base64 (%PDF)")
        browser.stop()
        XCTAssertThrowsError(try browser.devTools.call("Browser.getVersion", timeout: 5), "the pipe is closed after stop()")
    }
}
