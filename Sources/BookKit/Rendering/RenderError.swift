// Errors the renderer reports to the user: each names the chapter file and line it concerns.

/// A rendering failure caused by the book's content (an unknown `@fig-` reference, a duplicate
/// label) or by the machine (KaTeX not installed). `file` is the chapter's source path as the
/// user wrote it, `line` its 1-based line (0 when no line applies).
public struct RenderError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `chapters/05-initialization.md:42: error: unknown reference @fig-x` (compiler style, so
    /// editors can jump to the line).
    public var description: String {
        line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)"
    }
}
