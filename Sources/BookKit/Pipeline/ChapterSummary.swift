/// The build's verdict on one chapter, from its woven form (so lines are the current ones even
/// when the result came from the cache).
public struct ChapterSummary: Sendable, Equatable {
    public var sourcePath: String
    public var swiftBlocks: Int
    public var failedBlocks: Int
    public var claimsPassed: Int
    public var claimsFailed: Int
    /// Every problem as `chapters/x.md:LINE: message`, in chapter order.
    public var failures: [String]

    public var ok: Bool { failures.isEmpty }

    public init(woven: WovenChapter, chapterErrors: [String]) {
        sourcePath = woven.sourcePath
        swiftBlocks = woven.cells.filter { $0.language == "swift" }.count
        var failures: [String] = []
        var failedBlocks = 0
        for cell in woven.cells {
            switch cell.status {
            case .failed:
                failedBlocks += 1
                let messages = cell.outputs.compactMap { output -> String? in
                    switch output {
                    case .diagnostic(let diagnostic) where diagnostic.severity == .error:
                        return "\(woven.sourcePath):\(diagnostic.line): \(diagnostic.message)"
                    case .error(let message, let line):
                        return "\(woven.sourcePath):\(line ?? cell.line): \(message)"
                    default:
                        return nil
                    }
                }
                failures += messages.isEmpty ? ["\(woven.sourcePath):\(cell.line): block \(cell.index) failed"] : messages
            case .unexpectedSuccess:
                failedBlocks += 1
                failures.append("\(woven.sourcePath):\(cell.line): block \(cell.index) has `error: true` but ran without an error")
            default:
                break
            }
        }
        for claim in woven.claims where !claim.passed {
            let detail = claim.detail.map { " (\($0))" } ?? ""
            failures.append("\(woven.sourcePath):\(claim.line ?? 0): claim failed: \(claim.text)\(detail)")
        }
        self.failures = failures + chapterErrors
        self.failedBlocks = failedBlocks
        claimsPassed = woven.claims.filter(\.passed).count
        claimsFailed = woven.claims.filter { !$0.passed }.count
    }

    /// A chapter that could not even be parsed.
    public init(sourcePath: String, error: String) {
        self.sourcePath = sourcePath
        swiftBlocks = 0
        failedBlocks = 0
        claimsPassed = 0
        claimsFailed = 0
        failures = [error]
    }
}
