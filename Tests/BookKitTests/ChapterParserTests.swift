@testable import BookKit
import XCTest

final class ChapterParserTests: XCTestCase {
    func testBlocksWithTheirLinesAndOptions() throws {
        let chapter = try FixtureBooks.parse("options/chapters/01-options.md")
        XCTAssertEqual(chapter.title, "Options of every kind")
        XCTAssertEqual(chapter.frontMatter.seed, 7)
        XCTAssertEqual(chapter.slug, "01-options")
        XCTAssertEqual(chapter.number, 1)
        let blocks = chapter.blocks
        XCTAssertEqual(blocks.map(\.index), [1, 2, 3, 4, 5])
        XCTAssertEqual(blocks.map(\.language), ["swift", "swift", "swift", "python", "swift"])
        XCTAssertEqual(blocks.map(\.line), [12, 21, 28, 33, 37])
        XCTAssertEqual(blocks.map(\.codeLine), [15, 25, 30, 34, 39])
        XCTAssertEqual(blocks.map(\.endLine), [17, 26, 31, 35, 40])
        XCTAssertEqual(blocks[0].code, "let x = 21\nx * 2", "option lines are removed")
        XCTAssertEqual(blocks[0].options.label, "fig-first")
        XCTAssertEqual(blocks[0].options.caption, "A caption: with a colon")
        XCTAssertEqual(blocks[1].options, BlockOptions(echo: false, output: false, timeout: 5))
        XCTAssertFalse(blocks[2].runs, "eval: false")
        XCTAssertFalse(blocks[3].runs, "python is shown, not run")
        XCTAssertTrue(blocks[4].options.error)
        XCTAssertEqual(chapter.runnableBlocks.map(\.index), [1, 2, 5])
    }

    func testInlineSpansBecomeTokensInTheProse() throws {
        let chapter = try FixtureBooks.parse("options/chapters/01-options.md")
        XCTAssertEqual(chapter.inlines, [
            InlineSpan(id: 1, expression: "1 + 1", line: 10, afterBlock: 0),
            InlineSpan(id: 2, expression: "x", line: 19, afterBlock: 1),
        ])
        guard case .prose(let first, 1, [1]) = chapter.parts[0] else { return XCTFail("\(chapter.parts[0])") }
        XCTAssertTrue(first.contains("inline value \(InlineValue.token(1)) and ordinary `code`."), first)
        guard case .prose(let chinese, 18, [2]) = chapter.parts[2] else { return XCTFail("\(chapter.parts[2])") }
        XCTAssertEqual(chinese, "\n中文段落：神经网络的值是 \(InlineValue.token(2)) 。\n")
        guard case .prose(let last, 41, []) = chapter.parts.last! else { return XCTFail("\(chapter.parts.last!)") }
        XCTAssertEqual(last.trimmingCharacters(in: .whitespacesAndNewlines), "Closing prose.")
    }

    func testBlankProseBetweenBlocksIsDropped() throws {
        let chapter = try FixtureBooks.parse("options/chapters/01-options.md")
        let kinds = chapter.parts.map { if case .prose = $0 { return "p" } else { return "b" } }
        XCTAssertEqual(kinds.joined(), "pbpbbbbp")
    }

    func testChapterWithoutSwiftAndTitleFromHeading() throws {
        let chapter = try FixtureBooks.parse("options/chapters/02-prose.md")
        XCTAssertEqual(chapter.title, "Only prose")
        XCTAssertTrue(chapter.runnableBlocks.isEmpty)
        XCTAssertEqual(chapter.blocks.map(\.language), [""])
    }

    func testSpansInsideNestedCodeAreNotInline() throws {
        let text = "Para `{swift} a`.\n\n    `{swift} indented code`\n\n- item with `{swift} b`\n"
        let chapter = try ChapterParser().parse(text, sourcePath: "chapters/n.md")
        XCTAssertEqual(chapter.inlines.map(\.expression), ["a", "b"])
        XCTAssertEqual(chapter.inlines.map(\.line), [1, 5])
    }

    func testDoubleBacktickSpanAndEmptyExpression() throws {
        let chapter = try ChapterParser().parse(#"Value ``{swift} "`"`` here."# + "\n", sourcePath: "chapters/d.md")
        XCTAssertEqual(chapter.inlines.map(\.expression), ["\"`\""])
        XCTAssertThrowsError(try ChapterParser().parse("Empty `{swift}` span.\n", sourcePath: "chapters/e.md")) { error in
            XCTAssertEqual((error as? BookError)?.line, 1)
        }
    }
}
