import Plot
import XCTest
@testable import BookKit

/// Whatever a chapter prints or writes is shown as text, never run as HTML.
final class RenderEscapingTests: XCTestCase {
    func testScriptInOutputsIsEscaped() throws {
        let page = String(decoding: try RenderFixtureBook.render()["03-backpropagation.html"]!, as: UTF8.self)
        XCTAssertTrue(page.contains("loss = 7.5 &lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(page.contains("<script>alert"))
    }

    func testRawHTMLInProseIsNotPassedThrough() throws {
        let html = try ProseHTML(sourcePath: "chapters/01-x.md", references: ReferenceTable(), pageName: "01-x.html")
            .render(markdown: "Hello <script>alert(1)</script> and <img src=x onerror=alert(2)>\n\n<script>bad()</script>\n",
                    firstLine: 1)
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("<img"), html)
    }

    func testTextEscapingIsExactIncludingExistingEntities() {
        XCTAssertEqual(HTMLEscaping.text("a < b && c > d &lt;"), "a &lt; b &amp;&amp; c &gt; d &amp;lt;")
        XCTAssertEqual(HTMLEscaping.attribute("say \"hi\" <now>"), "say &quot;hi&quot; &lt;now&gt;")
        let node: Node<HTML.BodyContext> = .p(.escaped("&lt;b&gt; & <i>"))
        XCTAssertEqual(node.render(), "<p>&amp;lt;b&amp;gt; &amp; &lt;i&gt;</p>")
    }

    func testAttributesAreEscaped() throws {
        let value = InlineValue(id: 0, expression: "label(\"<x>\")", line: 3, text: "\"quoted\" <b>", error: nil)
        let html = InlineValueHTML.span(for: value)
        XCTAssertEqual(html, "<span class=\"inline-value\" title=\"label(&quot;&lt;x&gt;&quot;)\">\"quoted\" &lt;b&gt;</span>")
    }

    func testSearchIndexStringsCannotCloseTheScript() {
        XCTAssertEqual(JSString.quote("</script>\"\\\n\u{2028}\u{1}"), "\"\\u003c/script>\\\"\\\\\\n\\u2028\\u0001\"")
    }

    func testTitlesAndChapterNamesAreEscaped() throws {
        let chapter = WovenChapter(sourcePath: "chapters/01-a.md", slug: "01-a", number: 1,
                                   title: "Tensors <b>& \"shapes\"", summary: nil, items: [])
        let files = try HTMLBookRenderer().render(
            book: BookMetadata(title: "Book <i>", prefaceMarkdown: "", sourcePath: "chapters/index.md"),
            chapters: [chapter])
        let page = String(decoding: files["01-a.html"]!, as: UTF8.self)
        XCTAssertTrue(page.contains("<h1>Tensors &lt;b&gt;&amp; \"shapes\"</h1>"), page)
        XCTAssertTrue(page.contains("<title>1 Tensors &lt;b&gt;&amp; \"shapes\" · Book &lt;i&gt;</title>"), page)
        XCTAssertFalse(page.contains("<b>&"))
    }
}
