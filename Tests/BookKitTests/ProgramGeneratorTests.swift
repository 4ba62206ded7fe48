@testable import BookKit
import XCTest

final class ProgramGeneratorTests: XCTestCase {
    func testMainProgramMapsLinesAndMarksBlocks() throws {
        let chapter = try FixtureBooks.parse("options/chapters/01-options.md")
        let source = ProgramGenerator.source(for: chapter, selection: ProgramGenerator.mainSelection(of: chapter))
        XCTAssertTrue(source.contains("_BookSession.start(chapterSeed: 7)"))
        XCTAssertTrue(source.contains("""
            _BookSession.beginBlock(1, name: "fig-first")
            #sourceLocation(file: "chapters/01-options.md", line: 15)
            let x = 21
            _BookSession.display(x * 2)
            #sourceLocation()
            _BookSession.endBlock(1)
            """), source)
        XCTAssertTrue(source.contains("_BookSession.beginBlock(2, name: \"block2\")"))
        XCTAssertFalse(source.contains("never runs"), "eval: false blocks are not in the program")
        XCTAssertFalse(source.contains("not a number"), "error: true blocks run in probes only")
        // Inline 1 comes before block 1, inline 2 after it.
        let inline1 = try XCTUnwrap(source.range(of: "_BookSession.inline(1, (1 + 1))"))
        let inline2 = try XCTUnwrap(source.range(of: "_BookSession.inline(2, (x))"))
        let block1 = try XCTUnwrap(source.range(of: "_BookSession.endBlock(1)"))
        XCTAssertLessThan(inline1.lowerBound, block1.lowerBound)
        XCTAssertGreaterThan(inline2.lowerBound, block1.lowerBound)
        XCTAssertTrue(source.contains("#sourceLocation(file: \"chapters/01-options.md\", line: 19)\n_BookSession.inline(2"))
    }

    func testProbeHoldsEarlierBlocksAndTheTarget() throws {
        let chapter = try FixtureBooks.parse("options/chapters/01-options.md")
        let target = chapter.blocks[4]
        let selection = ProgramGenerator.probeSelection(of: chapter, target: target)
        XCTAssertEqual(selection.blocks.map(\.index), [1, 2, 5])
        XCTAssertTrue(selection.inlines.isEmpty)
    }

    func testModuleNameFollowsTheChaptersFolder() {
        XCTAssertEqual(ChapterCompiler.moduleName(for: "chapters/01-x.md"), "chapters")
        XCTAssertEqual(ChapterCompiler.moduleName(for: "my-book/01-x.md"), "chapters")
        XCTAssertEqual(ChapterCompiler.moduleName(for: "lessons/01-x.md"), "lessons")
    }
}
