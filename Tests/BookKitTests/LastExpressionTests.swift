@testable import BookKit
import XCTest

final class LastExpressionTests: XCTestCase {
    private func wrapped(_ code: String) -> String {
        LastExpression.wrap(code, prefix: "show")
    }

    func testTrailingExpressionIsWrapped() {
        XCTAssertEqual(wrapped("let a = 1\na + 1"), "let a = 1\nshow(a + 1)")
        XCTAssertEqual(wrapped("model(x) // the output"), "show(model(x)) // the output")
        XCTAssertEqual(wrapped("try loss.item()"), "show(try loss.item())")
        XCTAssertEqual(wrapped("values\n    .map { $0 * 2 }"), "show(values\n    .map { $0 * 2 })", "lines are kept")
    }

    func testStatementsDeclarationsAndAssignmentsAreNot() {
        for code in ["let a = 1", "a = 2", "a += 1", "_ = f()", "for i in 0..<3 { print(i) }",
                     "if a > 1 { print(a) }", "func f() {}", "struct S {}", "switch a { default: break }", ""] {
            XCTAssertEqual(wrapped(code), code, code)
        }
    }

    func testComparisonsAreShown() {
        XCTAssertEqual(wrapped("a == b"), "show(a == b)")
        XCTAssertEqual(wrapped("a <= b"), "show(a <= b)")
    }

    func testUnicodeOffsetsAreBytes() {
        XCTAssertEqual(wrapped("let 名 = \"中文\"\n名"), "let 名 = \"中文\"\nshow(名)")
    }
}
