/// Something the author should fix that does not stop the build: a numbered figure or table that
/// nothing cites. Printed `chapters/x.md:LINE: warning: message`, as compilers print theirs.
public struct BookWarning: CustomStringConvertible, Equatable, Sendable {
    /// Path relative to the book root (`chapters/05-initialization.md`).
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): warning: \(message)" }
}
