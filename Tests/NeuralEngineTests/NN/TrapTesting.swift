import Foundation
import XCTest

/// Checks that code traps with a given message, for XCTest (a trap cannot be caught in-process).
///
/// The test re-runs itself: the parent launches this test binary again for the one test, with
/// `NEURALENGINE_TRAP_TEST` naming it; in that child `expectTrap` runs `body`, which should trap and
/// kill the child. The parent then checks that the child did not exit normally and that its standard
/// error holds `message` (Swift prints `Fatal error: <message>` there). Linux only: it relies on the
/// XCTest runner's `Module.Class/test` argument.
extension XCTestCase {
    private static let trapVariable = "NEURALENGINE_TRAP_TEST"

    func expectTrap(_ message: String, function: String = #function, file: StaticString = #filePath, line: UInt = #line,
                    _ body: () -> Void) throws {
        #if os(Linux)
        let test = "NeuralEngineTests.\(type(of: self))/\(function.replacingOccurrences(of: "()", with: ""))"
        if ProcessInfo.processInfo.environment[Self.trapVariable] == test {
            body()
            return    // the parent reports that nothing trapped
        }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = [test]
        // No crash backtrace: symbolicating it takes the runtime about a second per trap.
        child.environment = ProcessInfo.processInfo.environment.merging([Self.trapVariable: test,
                                                                         "SWIFT_BACKTRACE": "enable=no"]) { $1 }
        let errors = Pipe()
        child.standardError = errors
        child.standardOutput = FileHandle.nullDevice
        try child.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        XCTAssertEqual(child.terminationReason, .uncaughtSignal, "\(test) did not trap; its stderr: \(output)", file: file, line: line)
        XCTAssertTrue(output.contains("Fatal error: \(message)"), "trap message of \(test): \(output)", file: file, line: line)
        #else
        throw XCTSkip("trap tests re-run the XCTest binary, which this platform's runner does not support")
        #endif
    }
}
