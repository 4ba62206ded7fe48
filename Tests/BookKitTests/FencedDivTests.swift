@testable import BookKit
import XCTest

/// `::: exercise` / `::: solution` divs, appendix file names, heading labels and the chapter's
/// `code-fold` default, as the parser reads them.
final class FencedDivTests: XCTestCase {
    private func parse(_ text: String, path: String = "chapters/03-x.md") throws -> ParsedChapter {
        try ChapterParser().parse(text, sourcePath: path)
    }

    private func shape(_ chapter: ParsedChapter) -> String {
        chapter.parts.map { part -> String in
            switch part {
            case .prose: return "p"
            case .block: return "b"
            case .divOpen(let div): return "<\(div.kind.rawValue)"
            case .divClose: return ">"
            }
        }.joined(separator: " ")
    }

    func testExerciseAndSolutionAroundProseAndCode() throws {
        let text = """
        Intro.

        ::: exercise
        **Try it.** Change the seed.

        ```swift
        //| eval: false
        let x = 1
        ```
        :::

        ::: solution
        Here is how:

        ```swift
        let y = 2
        ```
        :::

        After.
        """
        let chapter = try parse(text)
        XCTAssertEqual(shape(chapter), "p <exercise p b > <solution p b > p")
        guard case .divOpen(let exercise) = chapter.parts[1], case .divOpen(let solution) = chapter.parts[5] else {
            return XCTFail("\(chapter.parts)")
        }
        XCTAssertEqual(exercise, FencedDiv(kind: .exercise, label: nil, line: 3))
        XCTAssertEqual(solution, FencedDiv(kind: .solution, label: nil, line: 12))
        guard case .divClose(let closeLine) = chapter.parts[4] else { return XCTFail() }
        XCTAssertEqual(closeLine, 10)
        XCTAssertEqual(chapter.blocks.map(\.index), [1, 2], "blocks inside divs are the chapter's blocks, numbered as usual")
        XCTAssertEqual(chapter.runnableBlocks.map(\.index), [2])
        guard case .prose(let inside, 4, _) = chapter.parts[2] else { return XCTFail("\(chapter.parts[2])") }
        XCTAssertTrue(inside.hasPrefix("**Try it.**"), inside)
        XCTAssertFalse(inside.contains(":::"))
    }

    func testAttributeFormNestedSolutionAndTrailingColons() throws {
        let text = "::: {.exercise #ex-seed}\nDo it.\n\n::: solution :::\nDone.\n:::\n:::\n"
        let chapter = try parse(text)
        XCTAssertEqual(shape(chapter), "<exercise p <solution p > >")
        guard case .divOpen(let exercise) = chapter.parts[0] else { return XCTFail() }
        XCTAssertEqual(exercise.label, "ex-seed")
    }

    func testFenceLinesInsideCodeAreCode() throws {
        let text = "```text\n::: exercise\n```\n\n    ::: solution\n\nEnd.\n"
        let chapter = try parse(text)
        XCTAssertEqual(shape(chapter), "b p")
        XCTAssertEqual(chapter.blocks.first?.code, "::: exercise")
    }

    func testMisplacedDivsNameTheirLine() {
        let cases: [(String, Int, String)] = [
            ("Text.\n\n::: note\nx\n:::\n", 3, "unknown fenced div 'note' (known: exercise, solution)"),
            ("::: exercise\nx\n", 1, "never closed"),
            ("x\n\n:::\n", 3, "none is open"),
            ("Text.\n\n::: solution\nx\n:::\n", 3, "right after its exercise"),
            ("::: exercise\nx\n:::\n\nProse between.\n\n::: solution\ny\n:::\n", 7, "right after its exercise"),
            ("::: exercise\n::: exercise\n:::\n:::\n", 2, "cannot contain another exercise"),
            ("::: {exercise}\nx\n:::\n", 1, "neither"),
        ]
        for (text, line, message) in cases {
            XCTAssertThrowsError(try parse(text), text) { error in
                let bookError = error as? BookError
                XCTAssertEqual(bookError?.line, line, text)
                XCTAssertEqual(bookError?.file, "chapters/03-x.md")
                XCTAssertTrue(bookError?.message.contains(message) ?? false, "\(error)")
            }
        }
    }

    func testAppendixFilesAreLetteredAndComeAfterChapters() throws {
        XCTAssertEqual(ChapterFile.ordinal(of: "chapters/A-checking-the-engine.md"), .appendix("A"))
        XCTAssertEqual(ChapterFile.ordinal(of: "chapters/05-initialization.md"), .chapter(5))
        XCTAssertNil(ChapterFile.ordinal(of: "chapters/notes.md"))
        XCTAssertNil(ChapterFile.ordinal(of: "chapters/a-lower.md"), "only a capital letter makes an appendix")
        XCTAssertNil(ChapterFile.number(of: "chapters/B-glossary.md"))
        XCTAssertEqual(ChapterOrdinal.appendix("B").label, "B")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appendix-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["B-glossary.md", "10-late.md", "A-engine.md", "02-early.md", "index.md"] {
            try Data("x\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        XCTAssertEqual(try ChapterFile.chapters(in: folder).map(\.lastPathComponent),
                       ["02-early.md", "10-late.md", "A-engine.md", "B-glossary.md"])
        let chapter = try parse("# Checking the engine {#sec-engine}\n\nText.\n", path: "chapters/A-engine.md")
        XCTAssertEqual(chapter.ordinal, .appendix("A"))
        XCTAssertEqual(chapter.title, "Checking the engine", "the title drops its {#label}")
    }

    func testHeadingAttributes() {
        let labelled = HeadingAttributes("Weight decay {#sec-weight-decay}")
        XCTAssertEqual(labelled.text, "Weight decay")
        XCTAssertEqual(labelled.label, "sec-weight-decay")
        XCTAssertFalse(labelled.unnumbered)
        XCTAssertEqual(HeadingAttributes("Clipping {#sec-clip .unnumbered}").label, "sec-clip")
        XCTAssertEqual(HeadingAttributes("Summary {.unnumbered}").unnumbered, true)
        XCTAssertEqual(HeadingAttributes("Summary {-}").text, "Summary")
        XCTAssertEqual(HeadingAttributes("Sets {1, 2}").text, "Sets {1, 2}", "braces that are not attributes stay")
        XCTAssertNil(HeadingAttributes("Plain").label)
    }

    func testCodeFoldInFrontMatter() throws {
        let chapter = try parse("---\ncode-fold: true\n---\n# T\n")
        XCTAssertEqual(chapter.frontMatter.codeFold, true)
        XCTAssertNil(try parse("# T\n").frontMatter.codeFold)
        XCTAssertThrowsError(try parse("---\ncode-fold: maybe\n---\n")) { error in
            XCTAssertEqual((error as? BookError)?.line, 2)
        }
    }
}
