@testable import BookKit
import XCTest

/// The generator's in-line rewrites: top-level `try` and `throw` located, the last expression
/// shown, every line kept, and compiler columns mapped back to what the author wrote.
final class InstrumentationTests: XCTestCase {
    private func block(_ code: String, codeLine: Int = 10) -> CodeBlock {
        CodeBlock(index: 1, language: "swift", code: code, line: codeLine - 1, codeLine: codeLine,
                  endLine: codeLine + code.split(separator: "\n", omittingEmptySubsequences: false).count, options: BlockOptions())
    }

    func testTopLevelTryIsWrappedWithItsLine() {
        let (code, _) = ProgramGenerator.instrumented(block("let a = 1\nlet b = try f(a)\nprint(b)"))
        XCTAssertEqual(code, "let a = 1\nlet b = _BookSession.tried(line: 11, { try f(a) })\n_BookSession.display(print(b))")
    }

    func testConditionsThrowsAndTheLastExpression() {
        let (code, _) = ProgramGenerator.instrumented(block("if try ready() { print(1) }\nguard x else { throw Oops() }\ntry loss.item()"))
        XCTAssertEqual(code, "if _BookSession.tried(line: 10, { try ready() }) { print(1) }\n"
            + "guard x else { _BookSession.raise(line: 11, Oops()) }\n"
            + "_BookSession.display(_BookSession.tried(line: 12, { try loss.item() }))")
    }

    func testErrorsThatCannotReachTheTopAreLeftAlone() {
        let code = """
            func f() throws -> Int { try g() }
            let c = { try g() }
            do { try g() } catch { print(error) }
            let d = try? g()
            let e = try! g()
            struct S { var v: Int { get throws { try g() } } }
            """
        XCTAssertEqual(ProgramGenerator.instrumented(block(code)).code, code)
    }

    func testATryCoversEverythingToItsRight() {
        let (code, _) = ProgramGenerator.instrumented(block("let b = try f(a) + g(b)\nx = try h()"))
        XCTAssertEqual(code, "let b = _BookSession.tried(line: 10, { try f(a) + g(b) })\nx = _BookSession.tried(line: 11, { try h() })")
    }

    func testColumnsMapBackToTheAuthorsColumns() {
        let (code, columns) = ProgramGenerator.instrumented(block("let b = try f(a) + undefined"))
        // `undefined` is at column 20 as written; the compiler sees it further right.
        let generated = code.utf8.count - "undefined })".utf8.count + 1
        XCTAssertEqual(columns.originalColumn(line: 10, column: generated), 20)
        XCTAssertEqual(columns.originalColumn(line: 10, column: 5), 5, "before any edit")
        XCTAssertEqual(columns.originalColumn(line: 11, column: 7), 7, "other lines are untouched")
    }

    func testLinesNeverMove() {
        let source = "let a = try f(\n    1,\n    2\n)\nthrow E()\na"
        let (code, _) = ProgramGenerator.instrumented(block(source))
        XCTAssertEqual(code.split(separator: "\n", omittingEmptySubsequences: false).count,
                       source.split(separator: "\n", omittingEmptySubsequences: false).count)
    }
}
