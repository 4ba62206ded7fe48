import Foundation

/// What a crashed chapter program left behind, read from two sources:
///
/// - the Swift runtime's crash report in its JSON format (`SWIFT_BACKTRACE=format=json`, written to
///   a file of its own), whose frames carry source locations: thanks to the program's
///   `#sourceLocation` line tables they name `chapters/x.md` and a line;
/// - the one line the runtime prints before it, `file:LINE: Fatal error: message` (or
///   `Precondition failed:`, `Assertion failed:`), the only place the message itself appears.
struct CrashReport: Equatable {
    /// `Fatal error: ...`, `Precondition failed: ...` or `Program crashed: ...`.
    var message: String
    /// Innermost chapter line in the backtrace, else the line in the fatal error's location.
    var line: Int?
    /// Every chapter line in the backtrace, innermost first: the outermost is the top-level
    /// statement (or inline value) that was running.
    var chapterLines: [Int] = []
    /// The block's text with the runtime's crash lines removed.
    var textBefore: String

    /// The environment value that makes the runtime write its crash report as JSON to `file`: the
    /// crashing thread only, no registers or memory, no interactive prompt.
    static func backtraceSetting(reportFile: URL) -> String {
        "enable=yes,interactive=no,color=no,format=json,output-to=\(reportFile.path),threads=crashed,registers=none,images=none,sanitize=no"
    }

    /// nil when `text` shows no trap and there is no crash report.
    static func parse(_ text: String, json: Data?, sourcePath: String) -> CrashReport? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex(where: isCrashStart)
        let backtrace = json.flatMap { try? JSONDecoder().decode(Backtrace.self, from: $0) }
        guard start != nil || backtrace != nil else { return nil }

        var report = CrashReport(message: "Program crashed", line: nil, textBefore: text)
        if let start {
            report.textBefore = lines[..<start].joined(separator: "\n")
            let fileName = sourcePath.split(separator: "/").last.map(String.init) ?? sourcePath
            for text in lines[start...] {
                if let range = text.range(of: "Program crashed: ") {      // the text report, when no JSON one was written
                    report.message = "Program crashed: " + text[range.upperBound...].replacingOccurrences(of: " ***", with: "")
                    break
                }
                guard let (kind, range) = trapKind(text) else { continue }
                report.message = kind + text[range.upperBound...]
                // Location prefix `chapters/x.md:14: ` (module name + file name).
                let location = text[..<range.lowerBound].split(separator: ":")
                if location.count >= 2, location[0].hasSuffix("/" + fileName) || location[0] == fileName {
                    report.line = Int(location[1].trimmingSpaces())
                }
                break
            }
        }
        if let backtrace {
            report.chapterLines = backtrace.frames.compactMap { $0.sourceLocation?.file == sourcePath ? $0.sourceLocation?.line : nil }
            if let innermost = report.chapterLines.first { report.line = innermost }
            if report.message == "Program crashed" {
                report.message = "Program crashed: " + backtrace.description + (backtrace.faultAddress.map { " at \($0)" } ?? "")
            }
        }
        return report
    }

    static let trapKinds = ["Fatal error: ", "Precondition failed: ", "Assertion failed: "]

    private static func trapKind(_ line: Substring) -> (String, Range<Substring.Index>)? {
        for kind in trapKinds {
            if let range = line.range(of: kind) { return (kind, range) }
        }
        return nil
    }

    /// The runtime's own lines: the trap message, `*** Signal 4: Backtracing from ... done ***`,
    /// and a text crash report when the JSON one could not be written.
    private static func isCrashStart(_ line: Substring) -> Bool {
        trapKind(line) != nil || line.hasPrefix("*** Signal") || line.contains("Program crashed: ") || line.hasPrefix("💣")
    }

    /// The part of the runtime's JSON crash report the pipeline reads.
    struct Backtrace: Decodable {
        struct Thread: Decodable {
            var crashed: Bool?
            var frames: [Frame]
        }
        struct Frame: Decodable {
            struct Location: Decodable {
                var file: String
                var line: Int
            }
            var sourceLocation: Location?
        }

        /// "Illegal instruction", "Bad pointer dereference", ...
        var description: String
        var faultAddress: String?
        var threads: [Thread]

        /// The crashed thread's frames, innermost first.
        var frames: [Frame] { (threads.first { $0.crashed == true } ?? threads.first)?.frames ?? [] }
    }
}
