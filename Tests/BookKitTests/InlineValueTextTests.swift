@testable import BookKit
import XCTest

/// Inline values whose text is words (`allSeeds ? "on every seed" : ...`) are units of their
/// own: extracted with their expression, translated in the value's place, marked when missing,
/// and left alone inside a unit that is itself shown in English. Numbers are never units.
final class InlineValueTextTests: XCTestCase {
    let seedsExpression = "allSeeds ? \"on every seed\" : \"on \\(n) of the \\(m) seeds\""

    func values() -> [InlineValue] {
        [InlineValue(id: 1, expression: "fixed(gain * 100, 1)", line: 7, text: "12.3 %", error: nil),
         InlineValue(id: 2, expression: seedsExpression, line: 8, text: "on 4 of the 5 seeds", error: nil),
         InlineValue(id: 3, expression: "sci(gap)", line: 10, text: "1.2e-03", error: nil),
         InlineValue(id: 4, expression: "spread(accuracy)", line: 10, text: "0.93 ± 0.01", error: nil),
         InlineValue(id: 5, expression: "low > 0 ?   \"a gain\" : \"no gain\"", line: 12, text: "no gain", error: nil),
         InlineValue(id: 6, expression: "broken ? \"x\" : \"y\"", line: 14, text: nil, error: "cannot find 'broken' in scope"),
         InlineValue(id: 7, expression: "better ? \"helps\" : \"does not help\"", line: 16, text: "does not help", error: nil)]
    }

    func chapter() -> WovenChapter {
        let markdown = """
            Dropout gains NBINLINEVALUE1X, NBINLINEVALUE2X.

            The gap is NBINLINEVALUE3X and the accuracy NBINLINEVALUE4X.

            The interval contains zero: NBINLINEVALUE5X.

            An old sentence NBINLINEVALUE6X.

            - NBINLINEVALUE7X

            """
        return WovenChapter(sourcePath: "chapters/03-x.md", slug: "03-x", number: 3, title: "Regularization", summary: nil,
                            items: [.prose(markdown: markdown, line: 7, inlineValues: values())])
    }

    func testWordsOfAValueAreAUnitAfterTheirParagraphAndNumbersAreNot() {
        let units = ChapterUnits.units(of: chapter()).filter { $0.kind != .title }
        XCTAssertEqual(units.map(\.kind), [.paragraph, .inlineValue, .paragraph, .paragraph, .inlineValue, .paragraph, .inlineValue])
        let words = units.filter { $0.kind == .inlineValue }
        XCTAssertEqual(words.map(\.text), ["on 4 of the 5 seeds", "no gain", "does not help"])
        XCTAssertEqual(words.map(\.line), [8, 12, 16], "each at its value's line")
        XCTAssertEqual(words.map(\.key.context), ["inline value", "inline value", "inline value"])
        XCTAssertEqual(words[0].comment, "inline value: " + seedsExpression)
        XCTAssertEqual(words[1].comment, "inline value: low > 0 ? \"a gain\" : \"no gain\"", "blanks collapsed")
        XCTAssertEqual(units.first?.text, "Dropout gains `{swift} fixed(gain * 100, 1)`, `{swift} \(seedsExpression)`.",
                       "the paragraph keeps the value's span")
        XCTAssertNil(units.first { ["12.3 %", "1.2e-03", "0.93 ± 0.01"].contains($0.text) })
    }

    func testCatalogEntryNamesTheKindAndTheExpression() {
        let units = ChapterUnits.units(of: chapter())
        let (catalog, _) = CatalogMerge.merge(Catalog(), units: units, sourcePath: "chapters/03-x.md",
                                              header: Catalog.newHeader(language: .chinese, sourcePath: "chapters/03-x.md"))
        let written = POFile.write(catalog)
        XCTAssertTrue(written.contains("""
            #. inline value: allSeeds ? "on every seed" : "on \\(n) of the \\(m) seeds"
            #: chapters/03-x.md:8
            msgctxt "inline value"
            msgid "on 4 of the 5 seeds"
            msgstr ""
            """), written)
        let reread = try? POFile.parse(written, path: "x.po")
        XCTAssertEqual(reread?.activeEntries.filter { $0.context == "inline value" }.map(\.id),
                       ["on 4 of the 5 seeds", "no gain", "does not help"])
    }

    func testTranslatedEditionShowsTheTranslationInTheValuesPlaceAndMarksAMissingOne() {
        let seeds = "Dropout gains `{swift} fixed(gain * 100, 1)`, `{swift} \(seedsExpression)`."
        let resolutions: [CatalogKey: UnitResolution] = [
            CatalogKey(context: nil, id: seeds): .translated("Dropout 提升了 `{swift} fixed(gain * 100, 1)`，`{swift} \(seedsExpression)`。"),
            CatalogKey(context: "inline value", id: "on 4 of the 5 seeds"): .translated("在 5 个种子中的 4 个上"),
            CatalogKey(context: nil, id: "The interval contains zero: `{swift} low > 0 ?   \"a gain\" : \"no gain\"`."): .untranslated(.stale),
            CatalogKey(context: "inline value", id: "no gain"): .translated("没有提升"),
        ]
        let translated = WovenTranslator(resolutions: resolutions).chapter(chapter())
        guard case .prose(let markdown, _, let shown) = translated.items[0] else { return XCTFail("\(translated.items)") }
        XCTAssertTrue(markdown.hasPrefix("Dropout 提升了 NBINLINEVALUE1X，NBINLINEVALUE2X。"), markdown)
        let english = values()
        XCTAssertEqual(shown.map(\.id), english.map(\.id))
        XCTAssertEqual(shown.map(\.expression), english.map(\.expression))
        XCTAssertEqual(shown[1].text, "在 5 个种子中的 4 个上")
        XCTAssertEqual([shown[0], shown[2], shown[3]], [english[0], english[2], english[3]], "numbers are the run's")
        XCTAssertEqual(shown[4], english[4], "inside a paragraph shown in English, the value is English under its marker")
        XCTAssertTrue(markdown.contains("NBUNTRANSLATED2X The interval contains zero: NBINLINEVALUE5X. NBUNTRANSLATED0X"), markdown)
        XCTAssertEqual(shown[5], english[5], "a value that failed keeps its error")
        XCTAssertEqual(shown[6].text, "NBUNTRANSLATED1X does not help NBUNTRANSLATED0X", "a missing translation: English, marked")

        let html = InlineValueHTML.span(for: shown[6])
        let page = TranslatedPage.markUntranslated("<p>\(html)</p>", strings: .chinese)
        XCTAssertEqual(page, "<p><span class=\"inline-value\" title=\"better ? &quot;helps&quot; : &quot;does not help&quot;\">"
                       + "<span class=\"untranslated\" lang=\"en\" data-untranslated=\"missing\" title=\"\(UIStrings.chinese.untranslatedMissing)\">"
                       + "does not help</span></span></p>")
    }

    func testTranslatedWordsAreUsedAsPlainText() {
        let value = InlineValue(id: 1, expression: "x ? \"a\" : \"b\"", line: 3, text: "more accurate than", error: nil)
        let translator = WovenTranslator(resolutions: [
            CatalogKey(context: nil, id: "It is `{swift} x ? \"a\" : \"b\"`"): .translated("它`{swift} x ? \"a\" : \"b\"`"),
            CatalogKey(context: "inline value", id: "more accurate than"): .translated("比 <b>*更*</b> 准确"),
        ])
        let (_, shown) = translator.prose("It is NBINLINEVALUE1X", line: 3, values: [value])
        XCTAssertEqual(InlineValueHTML.span(for: shown[0]),
                       "<span class=\"inline-value\" title=\"x ? &quot;a&quot; : &quot;b&quot;\">比 &lt;b&gt;*更*&lt;/b&gt; 准确</span>")
    }

    func testNumbersInTheWordsMustSurviveTheTranslation() {
        XCTAssertEqual(PlaceholderCheck.numbers(in: "on 4 of the 5 seeds, 0.93 ± 0.01 (1.2e-03)."), ["4", "5", "0.93", "0.01", "1.2", "03"])
        XCTAssertEqual(PlaceholderCheck.problems(source: "on 4 of the 5 seeds", translation: "在 5 个种子中的 4 个上", kind: .inlineValue), [])
        let problems = PlaceholderCheck.problems(source: "on 4 of the 5 seeds", translation: "在五个种子中的 4 个上", kind: .inlineValue)
        XCTAssertEqual(problems, [PlaceholderCheck.Problem(isError: false, message: "the translation drops the number 5")])
        XCTAssertEqual(PlaceholderCheck.problems(source: "4 of 5", translation: "4 / 5", kind: .paragraph), [], "prose has its own rules")
    }

    func testChineseWordsOfAValueJoinTheChineseTextAroundThem() {
        let cases: [(String, String)] = [
            ("<p>损失<span class=\"inline-value\">每次都下降</span>。</p>", "<p>损失<span class=\"inline-value\">每次都下降</span>。</p>"),
            ("<p>结果<span class=\"inline-value\">dropout 更好</span>成立</p>", "<p>结果 <span class=\"inline-value\">dropout 更好</span>成立</p>"),
            ("<p>区间<span class=\"inline-value\">：没有提升</span></p>", "<p>区间<span class=\"inline-value\">：没有提升</span></p>"),
            ("<p>值为<span class=\"inline-value num\">−0.5</span>。</p>", "<p>值为 <span class=\"inline-value num\">−0.5</span>。</p>"),
            ("<p>在<span class=\"inline-value\"><span class=\"untranslated\" title=\"尚未翻译\">on every seed</span></span>上</p>",
             "<p>在 <span class=\"inline-value\"><span class=\"untranslated\" title=\"尚未翻译\">on every seed</span></span> 上</p>"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(CJKSpacing.apply(input), expected, input)
        }
    }
}
