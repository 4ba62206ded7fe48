/// A problem the book's author (or the machine) can fix, located in a file: a bad option, a
/// chapter that cannot be found, an unknown `@fig-` reference, KaTeX not installed, an output
/// folder that cannot be written. Every stage throws this one type; `stage` says which.
/// Printed as `chapters/x.md:LINE: message`, which editors and terminals turn into a link.
public struct BookError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The pipeline stage that found the problem, in data-flow order.
    public enum Stage: String, Sendable, Equatable, Codable {
        case parse, compile, run, render, write
    }

    public var stage: Stage
    /// Path relative to the book root (`chapters/05-initialization.md`), or a folder.
    public var file: String
    /// 1-based line, or nil when the problem concerns the whole file.
    public var line: Int?
    public var message: String

    public init(stage: Stage, file: String, line: Int?, message: String) {
        self.stage = stage
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
