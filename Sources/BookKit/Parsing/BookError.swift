/// A problem the book's author can fix, located in a chapter file: a bad option, an unreadable
/// file, a chapter that cannot be found. Printed as `chapters/x.md:LINE: message`.
public struct BookError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Path relative to the book root (`chapters/05-initialization.md`), or a folder.
    public var file: String
    /// 1-based line, or nil when the problem concerns the whole file.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
