@testable import BookKit
import XCTest

final class CrashReportTests: XCTestCase {
    // Shapes of real Swift 6 output on Linux (messages and frames as the runtime prints them).
    private let indexTrap = """
        before the trap
        Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

        *** Signal 4: Backtracing from 0x7fa810b6df7f... done ***

        *** Program crashed: Illegal instruction at 0x00007fa810b6df7f ***

        Thread 0 "t" crashed:

          0      0x00007fa810b6df7f closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
          2 [ra] 0x00007fa81121ff65 specialized Array.subscript.getter + 84 in libswiftSwiftOnoneSupport.so
          3 [ra] 0x000056546e1348e5 f(_:) + 52 in t at chapters/02-trap.md:13:28
          4 [ra] 0x000056546e134c12 main + 737 in t at chapters/02-trap.md:15:7
        """

    func testIndexOutOfRangeTakesTheInnermostChapterFrame() throws {
        let report = try XCTUnwrap(CrashReport.parse(indexTrap, sourcePath: "chapters/02-trap.md"))
        XCTAssertEqual(report.message, "Fatal error: Index out of range")
        XCTAssertEqual(report.line, 13)
        XCTAssertEqual(report.textBefore, "before the trap")
    }

    func testFatalErrorLocationWithoutBacktrace() throws {
        let text = "chapters/05-x.md:14: Precondition failed: base is too large\n"
        let report = try XCTUnwrap(CrashReport.parse(text, sourcePath: "chapters/05-x.md"))
        XCTAssertEqual(report.message, "Precondition failed: base is too large")
        XCTAssertEqual(report.line, 14)
        XCTAssertEqual(report.textBefore, "")
    }

    func testSignalWithoutMessage() throws {
        let text = "a\n*** Program crashed: Segmentation fault at 0x0 ***\n"
        let report = try XCTUnwrap(CrashReport.parse(text, sourcePath: "chapters/x.md"))
        XCTAssertEqual(report.message, "Program crashed: Segmentation fault at 0x0")
        XCTAssertNil(report.line)
    }

    func testOrdinaryTextIsNoCrash() {
        XCTAssertNil(CrashReport.parse("all good\n", sourcePath: "chapters/x.md"))
    }
}
