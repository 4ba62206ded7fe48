@testable import BookKit
import XCTest

final class FrontMatterTests: XCTestCase {
    func testReadsEveryOptionAndBlanksTheLines() throws {
        let text = "---\ntitle: \"Deep: nets\"\nsummary: Short\nseed: 9\ntimeout: 30\noptimize: true\n---\n# Body\n"
        let (matter, body) = try FrontMatter.split(text, file: "chapters/x.md")
        var expected = FrontMatter(title: "Deep: nets", summary: "Short", seed: 9, timeout: 30, optimize: true)
        expected.titleLine = 2       // for translation catalogs' references
        expected.summaryLine = 3
        XCTAssertEqual(matter, expected)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[7], "# Body", "body keeps the file's line numbers")
        XCTAssertTrue(lines[0..<7].allSatisfy(\.isEmpty))
    }

    func testEditionsIsAListOfLanguageCodes() throws {
        let (matter, _) = try FrontMatter.split("---\neditions: en, zh\n---\n", file: "chapters/index.md")
        XCTAssertEqual(matter.editions, ["en", "zh"])
        XCTAssertThrowsError(try FrontMatter.split("---\neditions: en,,zh\n---\n", file: "chapters/index.md")) { error in
            XCTAssertEqual((error as? BookError)?.line, 2)
        }
    }

    func testWithoutFrontMatterUsesDefaults() throws {
        let (matter, body) = try FrontMatter.split("# Title\n", file: "chapters/x.md")
        XCTAssertEqual(matter, FrontMatter())
        XCTAssertEqual(body, "# Title\n")
    }

    func testBadSeedNamesFileAndLine() throws {
        XCTAssertThrowsError(try FixtureBooks.parse("options/bad/bad-front-matter.md")) { error in
            XCTAssertEqual((error as? BookError)?.file, "chapters/bad-front-matter.md")
            XCTAssertEqual((error as? BookError)?.line, 3)
            XCTAssertTrue("\(error)".contains("seed"), "\(error)")
        }
    }

    func testUnknownKeyIsAnError() throws {
        XCTAssertThrowsError(try FixtureBooks.parse("options/bad/unknown-front-matter.md")) { error in
            XCTAssertEqual((error as? BookError)?.line, 3)
            XCTAssertTrue("\(error)".contains("unknown front matter option 'author'"), "\(error)")
        }
    }

    func testUnclosedFrontMatterIsAnError() {
        XCTAssertThrowsError(try FrontMatter.split("---\ntitle: x\n# no end\n", file: "chapters/x.md")) { error in
            XCTAssertEqual((error as? BookError)?.line, 1)
        }
    }
}
