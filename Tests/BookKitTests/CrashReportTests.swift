@testable import BookKit
import Foundation
import XCTest

final class CrashReportTests: XCTestCase {
    // Shapes of real Swift 6.3 output on Linux: the runtime's message line on standard error, and
    // its JSON crash report (`SWIFT_BACKTRACE=format=json,output-to=...`), trimmed to what is read.
    private let indexTrap = """
        before the trap
        Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

        *** Signal 4: Backtracing from 0x7fa810b6df7f... done ***
        """

    private let indexTrapJSON = Data("""
        { "timestamp": "2026-11-30T04:37:00Z", "kind": "crashReport", "description": "Illegal instruction",
          "faultAddress": "0x00007fa810b6df7f", "threads": [ { "name": "t", "crashed": true, "frames": [
            { "kind": "programCounter", "address": "0x00007fa810b6df7f", "description": "_assertionFailure + 623", "image": "libswiftCore.so" },
            { "kind": "returnAddress", "address": "0x00007f81121ff65", "description": "specialized Array.subscript.getter + 84",
              "image": "libswiftSwiftOnoneSupport.so" },
            { "kind": "returnAddress", "address": "0x000056546e1348e5", "description": "f(_:) + 52", "image": "chapter",
              "sourceLocation": { "file": "chapters/02-trap.md", "line": 13, "column": 28 } },
            { "kind": "returnAddress", "address": "0x000056546e134c12", "description": "main + 737", "image": "chapter",
              "sourceLocation": { "file": "chapters/02-trap.md", "line": 15, "column": 7 } },
            { "kind": "truncated" } ] } ], "backtraceTime": 0.02 }
        """.utf8)

    func testIndexOutOfRangeTakesTheInnermostChapterFrame() throws {
        let report = try XCTUnwrap(CrashReport.parse(indexTrap, json: indexTrapJSON, sourcePath: "chapters/02-trap.md"))
        XCTAssertEqual(report.message, "Fatal error: Index out of range")
        XCTAssertEqual(report.line, 13)
        XCTAssertEqual(report.chapterLines, [13, 15], "innermost first; the last is the top-level statement")
        XCTAssertEqual(report.textBefore, "before the trap")
    }

    func testFatalErrorLocationWithoutBacktrace() throws {
        let text = "chapters/05-x.md:14: Precondition failed: base is too large\n"
        let report = try XCTUnwrap(CrashReport.parse(text, json: nil, sourcePath: "chapters/05-x.md"))
        XCTAssertEqual(report.message, "Precondition failed: base is too large")
        XCTAssertEqual(report.line, 14)
        XCTAssertEqual(report.textBefore, "")
    }

    func testSignalWithoutMessage() throws {
        let text = "a\n*** Program crashed: Segmentation fault at 0x0 ***\n"
        let report = try XCTUnwrap(CrashReport.parse(text, json: nil, sourcePath: "chapters/x.md"))
        XCTAssertEqual(report.message, "Program crashed: Segmentation fault at 0x0")
        XCTAssertNil(report.line)
    }

    func testSignalWithoutMessageFromTheJSONReport() throws {
        let json = Data("""
            {"description": "Bad pointer dereference", "faultAddress": "0x0", "threads": [{"crashed": true, "frames": []}]}
            """.utf8)
        let report = try XCTUnwrap(CrashReport.parse("a\n", json: json, sourcePath: "chapters/x.md"))
        XCTAssertEqual(report.message, "Program crashed: Bad pointer dereference at 0x0")
        XCTAssertNil(report.line)
        XCTAssertEqual(report.textBefore, "a\n")
    }

    func testOrdinaryTextIsNoCrash() {
        XCTAssertNil(CrashReport.parse("all good\n", json: nil, sourcePath: "chapters/x.md"))
    }
}
