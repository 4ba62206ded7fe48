import Foundation

/// Reads a trap out of a chapter program's output: Swift prints `module/file:LINE: Fatal error:
/// message` (or `Precondition failed:`, `Assertion failed:`) and then (Swift 5.9+ backtracer) a crash report whose frames name
/// `at chapters/x.md:LINE:COL` thanks to the program's `#sourceLocation` line tables.
struct CrashReport: Equatable {
    /// `Fatal error: ...`, `Precondition failed: ...` or `Program crashed: ...`.
    var message: String
    /// Innermost chapter line in the backtrace, else the line in the fatal error's location.
    var line: Int?
    /// The block's text with the crash report removed.
    var textBefore: String

    static func parse(_ text: String, sourcePath: String) -> CrashReport? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: isCrashStart) else { return nil }
        var message = "Program crashed"
        var line: Int?
        let fileName = sourcePath.split(separator: "/").last.map(String.init) ?? sourcePath
        for text in lines[start...] {
            if let (kind, range) = trapKind(text) {
                message = kind + text[range.upperBound...]
                // Location prefix `chapters/x.md:14: ` (module name + file name).
                let location = text[..<range.lowerBound].split(separator: ":")
                if location.count >= 2, location[0].hasSuffix("/" + fileName) || location[0] == fileName {
                    line = Int(location[1].trimmingSpaces())
                }
                break
            }
            if let range = text.range(of: "Program crashed: ") {
                message = "Program crashed: " + text[range.upperBound...].replacingOccurrences(of: " ***", with: "")
                break
            }
        }
        let frameMarker = " at " + sourcePath + ":"
        if let frame = lines[start...].first(where: { $0.contains(frameMarker) }),
           let range = frame.range(of: frameMarker) {
            let numbers = frame[range.upperBound...].split(separator: ":")
            if let first = numbers.first, let value = Int(first.prefix(while: \.isNumber)) { line = value }
        }
        let before = lines[..<start].joined(separator: "\n")
        return CrashReport(message: message, line: line, textBefore: before)
    }

    static let trapKinds = ["Fatal error: ", "Precondition failed: ", "Assertion failed: "]

    private static func trapKind(_ line: Substring) -> (String, Range<Substring.Index>)? {
        for kind in trapKinds {
            if let range = line.range(of: kind) { return (kind, range) }
        }
        return nil
    }

    private static func isCrashStart(_ line: Substring) -> Bool {
        trapKind(line) != nil || line.hasPrefix("*** Signal") || line.contains("Program crashed: ")
            || line.hasPrefix("💣")
    }
}
