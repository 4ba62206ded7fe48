@testable import BookKit
import XCTest

/// A translated edition from the same woven chapter: translated text where the catalog has it,
/// the source text marked where it does not, records' text (charts, tables, claims) translated
/// without running anything, and Chinese typography on the finished page.
final class TranslatedRenderingTests: XCTestCase {
    let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" role="img" aria-label="Line chart “Training loss”" font-size="12">
        <title>Training loss</title>
        <desc>Line chart “Training loss”</desc>
        <text x="10" y="20" font-size="14">Training loss</text>
        <text x="10" y="40">0.5</text>
        <text x="10" y="60">std of h<tspan dy="3" font-size="9">l</tspan></text>
        <text x="10" y="80">epoch</text>
        </svg>

        """

    func chapter() -> WovenChapter {
        let table = "<table class=\"nb-table\">\n<caption>Accuracy by model</caption>\n<thead>\n<tr><th scope=\"col\">model</th>"
            + "<th scope=\"col\" style=\"text-align:right\">accuracy</th></tr>\n</thead>\n<tbody>\n<tr><td>linear</td><td class=\"num\">0.51</td></tr>\n</tbody>\n</table>\n"
        let cell = WovenCell(index: 1, language: "swift", code: "show(chart)", line: 9, outputs: [
            .figure(svg: svg, caption: "The loss falls, see @tbl-acc.", label: "fig-loss", alt: "Line chart “Training loss”"),
            .table(html: table, caption: nil, label: "tbl-acc"),
            .claim(Claim(text: "the loss falls", passed: true, detail: "observed 0.1, expected < 0.2", line: 12)),
            .claim(Claim(text: "an untranslated claim", passed: true, line: 13)),
        ])
        return WovenChapter(sourcePath: "chapters/01-x.md", slug: "01-x", number: 1, title: "Loss", summary: "About loss.", items: [
            .prose(markdown: "# Loss\n\n## Training {#sec-training}\n\nThe loss is NBINLINEVALUE1X after training.\n\nAn _old_ paragraph.\n",
                   line: 5, inlineValues: [InlineValue(id: 1, expression: "fixed(loss, 2)", line: 9, text: "0.12", error: nil)]),
            .cell(cell),
        ])
    }

    var resolutions: [CatalogKey: UnitResolution] {
        let pairs: [(String?, String, UnitResolution)] = [
            (nil, "Loss", .translated("损失")), (nil, "About loss.", .translated("关于损失。")),
            (nil, "Training", .translated("训练")),
            (nil, "The loss is `{swift} fixed(loss, 2)` after training.", .translated("训练后损失为`{swift} fixed(loss, 2)`。")),
            (nil, "An _old_ paragraph.", .untranslated(.stale)),
            ("caption", "The loss falls, see @tbl-acc.", .translated("损失下降，见 @tbl-acc。")),
            ("caption", "Accuracy by model", .translated("各模型的准确率")),
            ("chart", "Training loss", .translated("训练损失")), ("chart", "std of h_l", .translated("h_l 的标准差")),
            ("chart description", "Line chart “Training loss”", .translated("折线图“训练损失”")),
            ("table", "model", .translated("模型")), ("table", "accuracy", .translated("准确率")),
            ("claim", "the loss falls", .translated("损失下降")),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { (CatalogKey(context: $0.0, id: $0.1), $0.2) })
    }

    func testUnitsOfAWovenChapterIncludeWhatItsProgramOutput() {
        let units = ChapterUnits.units(of: chapter())
        let keys = Set(units.map(\.key))
        for key in resolutions.keys { XCTAssertTrue(keys.contains(key), "\(key) not extracted") }
        XCTAssertFalse(keys.contains(CatalogKey(context: "chart", id: "0.5")))
        XCTAssertFalse(keys.contains(CatalogKey(context: "table", id: "0.51")))
        XCTAssertTrue(keys.contains(CatalogKey(context: "chart", id: "epoch")))
        XCTAssertEqual(units.first { $0.kind == .claim && $0.text == "the loss falls" }?.line, 12)
    }

    func testTheTranslatedChapterKeepsValuesAndMarksWhatIsNotTranslated() throws {
        let translated = WovenTranslator(resolutions: resolutions).chapter(chapter())
        XCTAssertEqual(translated.title, "损失")
        guard case .prose(let markdown, _, let values) = translated.items[0], case .cell(let cell) = translated.items[1] else {
            return XCTFail("\(translated.items)")
        }
        XCTAssertEqual(values.first?.text, "0.12")
        XCTAssertTrue(markdown.contains("# 损失\n\n## 训练 {#sec-training}\n\n训练后损失为NBINLINEVALUE1X。"), markdown)
        XCTAssertTrue(markdown.contains("NBUNTRANSLATED2X An _old_ paragraph. NBUNTRANSLATED0X"), markdown)
        guard case .figure(let svg, let caption, _, let alt) = cell.outputs[0], case .table(let table, _, _) = cell.outputs[1],
              case .claim(let claim) = cell.outputs[2], case .claim(let missing) = cell.outputs[3] else { return XCTFail() }
        XCTAssertEqual(caption, "损失下降，见 @tbl-acc。")
        XCTAssertEqual(alt, "折线图“训练损失”")
        XCTAssertTrue(svg.contains("aria-label=\"折线图“训练损失”\""), svg)
        XCTAssertTrue(svg.contains("<title>训练损失</title>\n<desc>折线图“训练损失”</desc>"), svg)
        XCTAssertTrue(svg.contains("<text x=\"10\" y=\"20\" font-size=\"14\">训练损失</text>"), svg)
        XCTAssertTrue(svg.contains("<text x=\"10\" y=\"40\">0.5</text>"), svg)
        XCTAssertTrue(svg.contains(">h<tspan dy=\"3\" font-size=\"9\">l</tspan><tspan dy=\"-3\"> 的标准差</tspan></text>"), svg)
        XCTAssertTrue(svg.contains("<text x=\"10\" y=\"80\" lang=\"en\">epoch</text>"), svg)
        XCTAssertTrue(table.contains("<caption>各模型的准确率</caption>"), table)
        XCTAssertTrue(table.contains("<th scope=\"col\">模型</th><th scope=\"col\" style=\"text-align:right\">准确率</th>"), table)
        XCTAssertTrue(table.contains("<td lang=\"en\">linear</td><td class=\"num\">0.51</td>"), table)
        XCTAssertEqual(claim.text, "损失下降")
        XCTAssertEqual(claim.passed, true)
        XCTAssertEqual(missing.text, "NBUNTRANSLATED1X an untranslated claim NBUNTRANSLATED0X")
    }

    func testRenderedEditionHasItsLanguageSwitchSameIDsAndMarkers() throws {
        let book = BookMetadata(title: "Book", prefaceMarkdown: "## Preface part\n\nWelcome.", sourcePath: "chapters/index.md")
        let translator = WovenTranslator(resolutions: resolutions.merging([
            CatalogKey(context: nil, id: "Book"): .translated("书"),
            CatalogKey(context: nil, id: "Welcome."): .translated("欢迎。"),
        ]) { a, _ in a })
        let edition = TranslatedEdition(language: .chinese, book: translator.book(book), chapters: [translator.chapter(chapter())])
        let files = try HTMLBookRenderer().render(book: book, chapters: [chapter()], translations: [edition])
        let english = String(decoding: files["01-x.html"]!, as: UTF8.self)
        let chinese = String(decoding: try XCTUnwrap(files["zh/01-x.html"]), as: UTF8.self)
        XCTAssertTrue(english.hasPrefix("<!DOCTYPE html><html lang=\"en\">"), String(english.prefix(60)))
        XCTAssertTrue(chinese.hasPrefix("<!DOCTYPE html><html lang=\"zh-Hans\">"), String(chinese.prefix(60)))
        XCTAssertTrue(english.contains("<a class=\"language-switch\" href=\"zh/01-x.html\" hreflang=\"zh-Hans\""), english)
        XCTAssertTrue(chinese.contains("<a class=\"language-switch\" href=\"../01-x.html\" hreflang=\"en\""), chinese)
        XCTAssertTrue(chinese.contains("href=\"../assets/book.css\""))
        XCTAssertTrue(chinese.contains("src=\"../assets/search-index-zh.js\""))
        XCTAssertNotNil(files["assets/search-index-zh.js"])
        // Same section ids: the heading "Training" is `sec-training`/`training` in both.
        let englishIDs = ids(english), chineseIDs = ids(chinese)
        XCTAssertFalse(englishIDs.isEmpty)
        XCTAssertEqual(englishIDs, chineseIDs)
        XCTAssertTrue(chinese.contains("<p class=\"chapter-number\">第 1 章</p>"), chinese)
        XCTAssertTrue(chinese.contains("<span class=\"float-number\">图 1.1</span>\u{3000}损失下降，见 <a class=\"xref\" href=\"#tbl-acc\">表 1.1</a>。"), chinese)
        XCTAssertTrue(chinese.contains("<p>训练后损失为 <span class=\"inline-value num\" title=\"fixed(loss, 2)\">0.12</span>。</p>"), chinese)
        XCTAssertTrue(chinese.contains("<p><span class=\"untranslated\" lang=\"en\" data-untranslated=\"stale\" title=\""), chinese)
        XCTAssertTrue(chinese.contains(">An <em class=\"latin\">old</em> paragraph.</span></p>"), chinese)
        XCTAssertTrue(chinese.contains("<span class=\"claim-observed\">观测值 <span class=\"claim-value\">0.1</span></span> "
                                       + "<span class=\"claim-expected\">预期 <span class=\"claim-value\">&lt; 0.2</span>"), chinese)
        XCTAssertTrue(chinese.contains("已验证 2 项"), chinese)
        XCTAssertFalse(chinese.contains("NBUNTRANSLATED"))
        let search = String(decoding: files["assets/search-index-zh.js"]!, as: UTF8.self)
        XCTAssertTrue(search.contains("训练后损失为"), search)
        XCTAssertFalse(search.contains("NBUNTRANSLATED"))
        let index = String(decoding: try XCTUnwrap(files["zh/index.html"]), as: UTF8.self)
        XCTAssertTrue(index.contains("<h1>书</h1>"), index)
        XCTAssertTrue(index.contains("<h2 id=\"preface-part\">"), index)   // the English id of an untranslated heading
    }

    func testAWrappedChartLabelIsOneUnitAndItsTranslationFillsItsLines() {
        let svg = """
            <svg viewBox="0 0 400 300" font-size="12">
            <text x="200" y="21" text-anchor="middle" font-size="14">Gradient reaching each hidden</text>
            <text x="200" y="38.5" text-anchor="middle" font-size="14">layer of the network</text>
            <text x="200" y="60" text-anchor="middle" font-size="14">layer 1</text>
            <text x="12" y="150" font-size="11" transform="rotate(-90 12 150)">std of the activations, all</text>
            <text x="25.75" y="150" font-size="11" transform="rotate(-90 25.75 150)">layers and seeds</text>
            </svg>
            """
        XCTAssertEqual(ChartText.units(svg: svg, line: 3).map(\.text),
                       ["Gradient reaching each hidden layer of the network", "layer 1", "std of the activations, all layers and seeds"])
        let translated = ChartText.translate(svg: svg) { _, text in
            ["Gradient reaching each hidden layer of the network": "到达网络每个隐藏层的梯度",
             "std of the activations, all layers and seeds": "所有层和所有种子的激活值的标准差，这是一个很长很长很长的轴标题"][text]
        }
        XCTAssertTrue(translated.contains(">到达网络每个隐藏层的梯度</text>\n<text x=\"200\" y=\"38.5\" text-anchor=\"middle\" font-size=\"14\"></text>"), translated)
        XCTAssertTrue(translated.contains("<text x=\"200\" y=\"60\" text-anchor=\"middle\" font-size=\"14\" lang=\"en\">layer 1</text>"), translated)
        XCTAssertTrue(translated.contains(">所有层和所有种子的激活值的标准差，</text>\n<text x=\"25.75\""), translated)
        XCTAssertTrue(translated.contains(">这是一个很长很长很长的轴标题</text>"), translated)
    }

    func testOnlyTheSourceEditionGivesTheBookAsBefore() throws {
        let book = BookMetadata(title: "Book", prefaceMarkdown: "Welcome.", sourcePath: "chapters/index.md")
        let files = try HTMLBookRenderer().render(book: book, chapters: [chapter()])
        let page = String(decoding: files["01-x.html"]!, as: UTF8.self)
        XCTAssertFalse(page.contains("language-switch"))
        XCTAssertFalse(page.contains("hreflang"))
        XCTAssertFalse(files.keys.contains { $0.hasPrefix("zh/") })
    }

    func testMarkersBecomeSpansInTextAndDisappearInAttributes() {
        let title = UntranslatedMarkers.wrap("Old title", .missing)
        let html = "<html><head><title>\(title) · Book</title></head><body><a title=\"\(title)\">\(title)</a></body></html>"
        let done = TranslatedPage.markUntranslated(html, strings: .chinese)
        XCTAssertEqual(done, "<html><head><title>Old title · Book</title></head><body><a title=\"Old title\">"
                       + "<span class=\"untranslated\" lang=\"en\" data-untranslated=\"missing\" title=\"尚未翻译，显示英文原文\">Old title</span></a></body></html>")
        XCTAssertEqual(UntranslatedMarkers.strip(title), "Old title")
    }

    func testChineseSpacingBetweenHanAndLatinButNotInsideCodeMathOrValues() {
        let cases: [(String, String)] = [
            ("<p>使用ReLU激活，共3层</p>", "<p>使用 ReLU 激活，共 3 层</p>"),
            ("<p>在<code>Tensor</code>中</p>", "<p>在 <code>Tensor</code> 中</p>"),
            ("<p>值为<span class=\"inline-value\">0.12</span>。</p>", "<p>值为 <span class=\"inline-value\">0.12</span>。</p>"),
            ("<p>其中<span class=\"math inline\">x_1中</span>是</p>", "<p>其中 <span class=\"math inline\">x_1中</span> 是</p>"),
            ("<p>见<a href=\"x\">ReLU</a>函数</p>", "<p>见 <a href=\"x\">ReLU</a> 函数</p>"),
            ("<p>两行\n文字</p>", "<p>两行文字</p>"),
            ("<p>English\ntext</p>", "<p>English\ntext</p>"),
            ("<pre><code>中a</code></pre><p>（ReLU）</p>", "<pre><code>中a</code></pre><p>（ReLU）</p>"),
            ("<p>a &amp; 中</p>", "<p>a &amp; 中</p>"),
            ("<svg><text>中a</text></svg>", "<svg><text>中a</text></svg>"),
            ("<p>已有 空格 a</p>", "<p>已有 空格 a</p>"),
            ("<h2 id=\"x\"><a class=\"anchor\" href=\"#x\">#</a>第2节</h2>", "<h2 id=\"x\"><a class=\"anchor\" href=\"#x\">#</a>第 2 节</h2>"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(CJKSpacing.apply(input), expected, input)
        }
    }

    func testLatinEmphasisKeepsItalicsInChinesePages() {
        XCTAssertEqual(TranslatedPage.markLatinEmphasis("<p>见 <em>Deep Learning</em> 与<em>重点</em>。</p>"),
                       "<p>见 <em class=\"latin\">Deep Learning</em> 与<em>重点</em>。</p>")
    }

    private func ids(_ html: String) -> [String] {
        html.components(separatedBy: "<h").dropFirst().compactMap { piece -> String? in
            guard let start = piece.range(of: " id=\""), piece.first?.isNumber == true else { return nil }
            return String(piece[start.upperBound...].prefix { $0 != "\"" })
        }
    }
}
