/// What running a chapter produced, independent of its prose: the unit the cache stores. Cell
/// outputs are the woven model's own `CellOutput` values.
///
/// Lines in outputs are chapter lines at the time of the run; `blockLines` records where each
/// block's fence was then, so a prose-only edit that moves blocks can shift them on weaving
/// instead of re-running the chapter.
public struct ExecutionResult: Codable, Sendable, Equatable {
    public struct Cell: Codable, Sendable, Equatable {
        public var index: Int
        public var status: CellStatus
        public var outputs: [CellOutput]
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

    mutating func setCell(_ index: Int, status: CellStatus, outputs: [CellOutput]) {
        cells.removeAll { $0.index == index }
        cells.append(Cell(index: index, status: status, outputs: outputs))
        cells.sort { $0.index < $1.index }
    }
}
