import XCTest
@testable import BookKit

/// Numbered equations, numbered sections, chapter and appendix labels, and the references to
/// them (`@eq-`, `@sec-`), within a chapter and across chapters.
final class RenderReferenceTests: XCTestCase {
    static func woven(_ markdown: String, path: String) throws -> WovenChapter {
        Weaver().weave(try ChapterParser().parse(markdown, sourcePath: path), result: nil)
    }

    static let book = BookMetadata(title: "Book", prefaceMarkdown: "See @sec-intro and @eq-xavier.", sourcePath: "chapters/index.md")

    static let initialization = """
    ---
    title: Initialization
    ---
    # Initialization {#sec-init-chapter}

    ## Why not zero {#sec-zero}

    $$
    \\operatorname{Var}(W) = \\frac{2}{n_\\text{in} + n_\\text{out}}
    $$ {#eq-xavier}

    Unnumbered: $$ a = b $$ and @eq-xavier, @eq-he, @sec-zero.

    ### A detail

    $$ W \\sim \\mathcal{N}(0, 2/n) $$ {#eq-he}

    ## Summary {.unnumbered}

    Back to @sec-intro in the first chapter, or the whole of @sec-init-chapter.
    """

    static let intro = """
    # Intro

    ## Introduction {#sec-intro}

    Forward to @eq-xavier and @sec-zero.
    """

    static let appendix = """
    # Checking the engine

    ## Layers {#sec-check-layers}

    $$ x = 1 $$ {#eq-check}

    See @eq-check, @sec-check-layers and @sec-zero.
    """

    private func render() throws -> [String: String] {
        let chapters = [try Self.woven(Self.intro, path: "chapters/01-intro.md"),
                        try Self.woven(Self.initialization, path: "chapters/05-init.md"),
                        try Self.woven(Self.appendix, path: "chapters/A-engine.md")]
        return try HTMLBookRenderer().render(book: Self.book, chapters: chapters)
            .filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    func testLabelledEquationsAreNumberedPerChapterAndLinked() throws {
        let page = try render()["05-init.html"]!
        XCTAssertTrue(page.contains("<div class=\"equation\" id=\"eq-xavier\"><span class=\"math display\">\\operatorname{Var}(W)"), page)
        XCTAssertTrue(page.contains("<span class=\"equation-number\">(5.1)</span></div>"))
        XCTAssertTrue(page.contains("<span class=\"equation-number\">(5.2)</span>"))
        XCTAssertTrue(page.contains("<span class=\"math display\">a = b</span> and"), "an unlabelled formula is not numbered")
        XCTAssertTrue(page.contains("<a class=\"xref\" href=\"#eq-xavier\">Equation 5.1</a>, <a class=\"xref\" href=\"#eq-he\">Equation 5.2</a>"), page)
    }

    func testSectionsAreNumberedAndReferencedAcrossChapters() throws {
        let pages = try render()
        let initialization = pages["05-init.html"]!
        XCTAssertTrue(initialization.contains("<h2 id=\"sec-zero\"><a class=\"anchor\" href=\"#sec-zero\" aria-label=\"Link to this section\">#</a><span class=\"section-number\">5.1</span> Why not zero</h2>"), initialization)
        XCTAssertTrue(initialization.contains("<span class=\"section-number\">5.1.1</span> A detail</h3>"))
        XCTAssertTrue(initialization.contains("<h2 id=\"summary\"><a class=\"anchor\" href=\"#summary\" aria-label=\"Link to this section\">#</a>Summary</h2>"),
                      "{.unnumbered} keeps a heading out of the numbering")
        XCTAssertTrue(initialization.contains("<a class=\"xref\" href=\"#sec-zero\">Section 5.1</a>"))
        XCTAssertTrue(initialization.contains("<a class=\"xref\" href=\"01-intro.html#sec-intro\">Section 1.1</a>"))
        XCTAssertTrue(initialization.contains("<a class=\"xref\" href=\"#sec-init-chapter\">Chapter 5</a>"), "a label on the title names the chapter")
        XCTAssertTrue(initialization.contains("<header class=\"chapter-header\" id=\"sec-init-chapter\">"))
        XCTAssertFalse(initialization.contains("{#"), "no attribute block is left in the page")
        let intro = pages["01-intro.html"]!
        XCTAssertTrue(intro.contains("<a class=\"xref\" href=\"05-init.html#eq-xavier\">Equation 5.1</a> and <a class=\"xref\" href=\"05-init.html#sec-zero\">Section 5.1</a>"), intro)
        let index = pages["index.html"]!
        XCTAssertTrue(index.contains("<a class=\"xref\" href=\"01-intro.html#sec-intro\">Section 1.1</a>"), "the preface may refer too")
    }

    func testAppendicesNumberWithTheirLetter() throws {
        let pages = try render()
        let appendix = pages["A-engine.html"]!
        XCTAssertTrue(appendix.contains("<p class=\"chapter-number\">Appendix A</p>"), appendix)
        XCTAssertTrue(appendix.contains("<span class=\"section-number\">A.1</span> Layers"))
        XCTAssertTrue(appendix.contains("<span class=\"equation-number\">(A.1)</span>"))
        XCTAssertTrue(appendix.contains("<a class=\"xref\" href=\"#sec-check-layers\">Section A.1</a>"))
        XCTAssertTrue(appendix.contains("<title>A Checking the engine · Book</title>"))
        let index = pages["index.html"]!
        XCTAssertTrue(index.contains("<h2 id=\"appendices\">Appendices</h2>"), index)
        XCTAssertTrue(index.contains("<a class=\"chapter-link\" href=\"A-engine.html\"><span class=\"num\">A</span>"))
        XCTAssertTrue(index.contains("<li class=\"first-appendix\"><a href=\"A-engine.html\"><span class=\"num\">A</span>Checking the engine</a></li>"), index)
    }

    func testUnknownEquationAndSectionReferencesNameFileAndLine() throws {
        for (reference, noun) in [("@eq-missing", "equation"), ("@sec-missing", "section")] {
            let chapter = try Self.woven("# T\n\n## Known {#sec-known}\n\nText.\nSee \(reference) here.\n", path: "chapters/07-t.md")
            let book = BookMetadata(title: "Book", prefaceMarkdown: "", sourcePath: "chapters/index.md")
            XCTAssertThrowsError(try HTMLBookRenderer().render(book: book, chapters: [chapter])) { error in
                let bookError = error as? BookError
                XCTAssertEqual(bookError?.file, "chapters/07-t.md")
                XCTAssertEqual(bookError?.line, 6)
                XCTAssertTrue(bookError?.message.hasPrefix("unknown reference \(reference): no \(noun)") ?? false, "\(error)")
            }
        }
    }

    func testBadAndDuplicateLabelsAreErrors() throws {
        let badEquation = try Self.woven("Text.\n\n$$ x $$ {#xavier}\n", path: "chapters/02-b.md")
        XCTAssertThrowsError(try ChapterLabels.collect(badEquation)) { error in
            XCTAssertEqual((error as? BookError)?.line, 3)
            XCTAssertTrue("\(error)".contains("must start with 'eq-'"), "\(error)")
        }
        let duplicate = try Self.woven("## A {#sec-a}\n\nText.\n\n## B {#sec-a}\n", path: "chapters/02-d.md")
        XCTAssertThrowsError(try ChapterLabels.collect(duplicate)) { error in
            XCTAssertEqual((error as? BookError)?.line, 5)
            XCTAssertTrue("\(error)".contains("duplicate label 'sec-a'"), "\(error)")
        }
    }

    func testSectionNumbering() {
        var numbering = SectionNumbering(prefix: "3")
        XCTAssertNil(numbering.next(level: 3, unnumbered: false), "a subsection before any section is not numbered")
        XCTAssertEqual(numbering.next(level: 2, unnumbered: false), "3.1")
        XCTAssertEqual(numbering.next(level: 3, unnumbered: false), "3.1.1")
        XCTAssertEqual(numbering.next(level: 3, unnumbered: false), "3.1.2")
        XCTAssertNil(numbering.next(level: 2, unnumbered: true))
        XCTAssertEqual(numbering.next(level: 2, unnumbered: false), "3.2")
        XCTAssertEqual(numbering.next(level: 3, unnumbered: false), "3.2.1")
        XCTAssertNil(numbering.next(level: 4, unnumbered: false))
        var none = SectionNumbering(prefix: nil)
        XCTAssertNil(none.next(level: 2, unnumbered: false))
    }
}
