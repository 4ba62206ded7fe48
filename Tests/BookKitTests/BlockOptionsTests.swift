@testable import BookKit
import XCTest

final class BlockOptionsTests: XCTestCase {
    func testParsesEveryOption() throws {
        let code = "//| label: fig-a\n//| caption: \"x: \\\"y\\\"\"\n//| echo: false\n//| eval: false\n//| output: false\n//| error: true\n//| timeout: 12\nlet a = 1"
        let (options, count) = try BlockOptions.parse(code, firstLine: 10, file: "chapters/x.md")
        XCTAssertEqual(count, 7)
        XCTAssertEqual(options, BlockOptions(label: "fig-a", caption: "x: \"y\"", echo: false, eval: false,
                                             output: false, error: true, timeout: 12))
        XCTAssertNil(options.codeFold)
    }

    func testCodeFoldIsReadAndOtherwiseLeftToTheDefault() throws {
        let (folded, _) = try BlockOptions.parse("//| code-fold: true\nlet a = 1", firstLine: 1, file: "f")
        XCTAssertEqual(folded.codeFold, true)
        let (open, _) = try BlockOptions.parse("//| code-fold: false\nlet a = 1", firstLine: 1, file: "f")
        XCTAssertEqual(open.codeFold, false)
    }

    func testOptionsStopAtTheFirstCodeLine() throws {
        let (options, count) = try BlockOptions.parse("let a = 1\n//| echo: false", firstLine: 1, file: "f")
        XCTAssertEqual(count, 0)
        XCTAssertEqual(options, BlockOptions())
    }

    func testUnknownOptionNamesFileAndLine() {
        XCTAssertThrowsError(try FixtureBooks.parse("options/bad/unknown-option.md")) { error in
            XCTAssertEqual(error as? BookError, BookError(stage: .parse,
                file: "chapters/unknown-option.md", line: 5,
                message: "unknown block option 'colour' (known: label, caption, echo, eval, output, error, timeout, code-fold)"))
        }
    }

    func testBadBooleanNamesFileAndLine() {
        XCTAssertThrowsError(try FixtureBooks.parse("options/bad/bad-value.md")) { error in
            XCTAssertEqual(error as? BookError, BookError(stage: .parse,
                file: "chapters/bad-value.md", line: 6, message: "option 'echo' must be true or false, not 'maybe'"))
        }
    }

    func testZeroTimeoutIsRejected() {
        XCTAssertThrowsError(try FixtureBooks.parse("options/bad/bad-timeout.md")) { error in
            XCTAssertEqual((error as? BookError)?.line, 2)
            XCTAssertEqual("\(error)", "chapters/bad-timeout.md:2: option 'timeout' must be a positive whole number of seconds, not '0'")
        }
    }

    func testLabelsMustBeSimple() {
        XCTAssertThrowsError(try BlockOptions.parse("//| label: fig one", firstLine: 4, file: "f")) { error in
            XCTAssertEqual((error as? BookError)?.line, 4)
        }
    }
}
