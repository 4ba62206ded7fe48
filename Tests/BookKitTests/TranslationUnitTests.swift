@testable import BookKit
import XCTest

/// What counts as a unit of a chapter, where it is, and how a translation takes its place.
final class TranslationUnitTests: XCTestCase {
    let prose = """
        ## The *chain* rule {#sec-chain}

        A paragraph over two lines with $x_1 = 2$,
        a value NBINLINEVALUE1X and @fig-loss.

        - first item with **bold**
        - second item
          continued here

        > A quoted line
        > and its continuation.

        | name | role |
        | --- | --- |
        | ReLU | the rectified linear unit |
        | $\\tanh$ | 0.5 |

        **Try it.** Change the seed.


        $$
        a = b
        $$

        ```swift
        let notAUnit = "code"
        ```

        Setext heading
        --------------
        """

    func units() -> [ProseUnit] {
        ProseUnits.extract(markdown: prose, firstLine: 10,
                           inlineValues: [InlineValue(id: 1, expression: "fixed(loss, 3)", line: 13, text: "0.123", error: nil)])
    }

    func testExtractsParagraphsHeadingsItemsQuotesCellsAndDivText() {
        let found = units().map { ($0.unit.kind, $0.unit.text, $0.unit.line) }
        let expected: [(TranslationUnit.Kind, String, Int)] = [
            (.heading, "The *chain* rule", 10),
            (.paragraph, "A paragraph over two lines with $x_1 = 2$, a value `{swift} fixed(loss, 3)` and @fig-loss.", 12),
            (.listItem, "first item with **bold**", 15),
            (.listItem, "second item continued here", 16),
            (.quote, "A quoted line and its continuation.", 19),
            (.tableCell, "name", 22),
            (.tableCell, "role", 22),
            (.tableCell, "ReLU", 24),
            (.tableCell, "the rectified linear unit", 24),
            (.paragraph, "**Try it.** Change the seed.", 27),
            (.heading, "Setext heading", 38),
        ]
        XCTAssertEqual(found.count, expected.count, "\(found)")
        for (got, want) in zip(found, expected) {
            XCTAssertEqual(got.0, want.0, "\(got)")
            XCTAssertEqual(got.1, want.1)
            XCTAssertEqual(got.2, want.2, "\(got)")
        }
    }

    func testSubstitutionKeepsStructureAndTurnsValuesBackIntoTokens() {
        let units = units()
        let replacements = units.map { unit -> String in
            switch unit.unit.text {
            case "The *chain* rule": return "*链式*法则"
            case let text where text.hasPrefix("A paragraph"): return "两行的段落，含 $x_1 = 2$、值 `{swift} fixed(loss, 3)` 和 @fig-loss。"
            case "second item continued here": return "第二项"
            case "the rectified linear unit": return "修正线性单元 | 即 ReLU"
            case "**Try it.** Change the seed.": return "**试一试。** 换一个种子。"
            default: return unit.unit.text
            }
        }
        let translated = ProseUnits.substitute(markdown: prose, units: units, replacements: replacements)
        XCTAssertTrue(translated.contains("## *链式*法则 {#sec-chain}\n"), translated)
        XCTAssertTrue(translated.contains("两行的段落，含 $x_1 = 2$、值 NBINLINEVALUE1X 和 @fig-loss。\n\n- first"), translated)
        XCTAssertTrue(translated.contains("- second item\n  continued here") == false, translated)
        XCTAssertTrue(translated.contains("- 第二项\n\n> A quoted"), translated)
        XCTAssertTrue(translated.contains("| ReLU | 修正线性单元 \\| 即 ReLU |"), translated)
        XCTAssertTrue(translated.contains("\n**试一试。** 换一个种子。\n\n"), translated)
        XCTAssertTrue(translated.contains("let notAUnit = \"code\""), translated)
        // The translation is again a document with the same units, now in Chinese.
        let again = ProseUnits.extract(markdown: translated, firstLine: 10, inlineValues: [])
        XCTAssertEqual(again.count, units.count)
    }

    func testTextInsideAnExerciseOrSolutionIsOfThatKind() {
        let units = ProseUnits.extract(markdown: "## Heading\n\nA paragraph.\n\n- an item\n\n| a cell |\n| --- |\n", firstLine: 1,
                                       inlineValues: [], container: .solution)
        XCTAssertEqual(units.map(\.unit.kind), [.heading, .solution, .solution, .tableCell])
    }

    func testTextWithoutWordsIsNoUnit() {
        XCTAssertFalse(TranslatableText.hasWords("$$ a = b $$ {#eq-x}", markdown: true))
        XCTAssertFalse(TranslatableText.hasWords("η = 0.01", markdown: false))
        XCTAssertFalse(TranslatableText.hasWords("x₁", markdown: false))
        XCTAssertTrue(TranslatableText.hasWords("`{swift} a` and", markdown: true))
        XCTAssertFalse(TranslatableText.hasWords("1e-3", markdown: false))
        XCTAssertTrue(TranslatableText.hasWords("批归一化", markdown: false))
        XCTAssertTrue(TranslatableText.hasWords("see [here](https://example.org)", markdown: true))
        XCTAssertFalse(TranslatableText.hasWords("[1](https://example.org)", markdown: true))
    }

    func testScriptedTextRoundTripsThroughNotationHTMLAndSVG() {
        let text = ScriptedText(notation: "‖∂L/∂h_l‖ and 10^{-4} of e^{x^2}, a\\_b")
        XCTAssertEqual(text.notation, "‖∂L/∂h_l‖ and 10^{-4} of e^{x^2}, a\\_b")
        XCTAssertEqual(text.html, "‖∂L/∂h<sub>l</sub>‖ and 10<sup>-4</sup> of e<sup>x<sup>2</sup></sup>, a_b")
        XCTAssertEqual(ScriptedText(html: text.html), text)
        // The Plotting module's tspans: dy relative to the previous run, smaller scripts.
        let svg = "h<tspan dy=\"3\" font-size=\"9\">l</tspan><tspan dy=\"-3\"> of x</tspan><tspan dy=\"-4.8\" font-size=\"9\">2</tspan>"
        let (parsed, geometry) = ScriptedText.fromSVG(content: svg, baseSize: 12)
        XCTAssertEqual(parsed.notation, "h_l of x^2")
        // A translation that reorders the parts is drawn with the original shifts and sizes.
        XCTAssertEqual(ScriptedText(notation: "x^2 的 h_l").svg(geometry),
                       "x<tspan dy=\"-4.8\" font-size=\"9\">2</tspan><tspan dy=\"4.8\"> 的 h</tspan><tspan dy=\"3\" font-size=\"9\">l</tspan>")
    }
}
