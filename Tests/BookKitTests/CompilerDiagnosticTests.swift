@testable import BookKit
import XCTest

final class CompilerDiagnosticTests: XCTestCase {
    func testParsesLLVMStyleDiagnostics() {
        let output = """
            chapters/03-compile-error.md:8:19: error: cannot convert value of type 'String' to specified type 'Int'
            let broken: Int = "text"
                              ^~~~~~
            chapters/03-compile-error.md:4:5: warning: initialization of immutable value 'fine' was never used
            <unknown>:0: error: unable to load standard library
            error: link command failed with exit code 1
            """
        XCTAssertEqual(CompilerDiagnostic.parse(output), [
            CompilerDiagnostic(file: "chapters/03-compile-error.md", line: 8, column: 19, severity: .error,
                               message: "cannot convert value of type 'String' to specified type 'Int'"),
            CompilerDiagnostic(file: "chapters/03-compile-error.md", line: 4, column: 5, severity: .warning,
                               message: "initialization of immutable value 'fine' was never used"),
            CompilerDiagnostic(file: "<unknown>", line: 0, column: 0, severity: .error, message: "unable to load standard library"),
            CompilerDiagnostic(file: "", line: 0, column: 0, severity: .error, message: "link command failed with exit code 1"),
        ])
    }
}
