/// What running a chapter produced, independent of its prose: the unit the cache stores.
///
/// Lines in outputs are chapter lines at the time of the run; `blockLines` records where each
/// block's fence was then, so a prose-only edit that moves blocks can shift them on weaving
/// instead of re-running the chapter.
public struct ExecutionResult: Codable, Sendable, Equatable {
    public struct Cell: Codable, Sendable, Equatable {
        public var index: Int
        public var status: String          // a `CellStatus` raw value
        public var outputs: [StoredOutput]
    }

    public struct DataFile: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
    }

    public var cells: [Cell] = []
    /// Inline value texts and errors by span id.
    public var inlineTexts: [Int: String] = [:]
    public var inlineErrors: [Int: String] = [:]
    /// Fence line of each block (by index) when the chapter ran.
    public var blockLines: [Int: Int] = [:]
    /// Problems not attached to any block (for example a link error), as terminal lines.
    public var chapterErrors: [String] = []
    public var dataFiles: [DataFile] = []

    public init() {}

    public func cell(_ index: Int) -> Cell? { cells.first { $0.index == index } }

    mutating func setCell(_ index: Int, status: CellStatus, outputs: [StoredOutput]) {
        cells.removeAll { $0.index == index }
        cells.append(Cell(index: index, status: status.rawValue, outputs: outputs))
        cells.sort { $0.index < $1.index }
    }
}

/// A `CellOutput` in a form the cache can store (the hand-off type itself is plain, not Codable).
public enum StoredOutput: Codable, Sendable, Equatable {
    case text(String)
    case value(String)
    case table(html: String, caption: String?, label: String?)
    case figure(svg: String, caption: String?, label: String?, alt: String)
    case claim(text: String, passed: Bool, detail: String?, line: Int?)
    case diagnostic(severity: String, message: String, line: Int, column: Int)
    case error(message: String, line: Int?)
    case notice(String)

    /// The woven output, with chapter lines moved by `lineShift`.
    func woven(lineShift: Int) -> CellOutput {
        switch self {
        case .text(let text): return .text(text)
        case .value(let text): return .value(text)
        case .table(let html, let caption, let label): return .table(html: html, caption: caption, label: label)
        case .figure(let svg, let caption, let label, let alt): return .figure(svg: svg, caption: caption, label: label, alt: alt)
        case .claim(let text, let passed, let detail, let line):
            return .claim(Claim(text: text, passed: passed, detail: detail, line: line.map { $0 + lineShift }))
        case .diagnostic(let severity, let message, let line, let column):
            return .diagnostic(Diagnostic(severity: Diagnostic.Severity(rawValue: severity) ?? .error, message: message,
                                          line: line + lineShift, column: column))
        case .error(let message, let line): return .error(message: message, line: line.map { $0 + lineShift })
        case .notice(let text): return .notice(text)
        }
    }
}
