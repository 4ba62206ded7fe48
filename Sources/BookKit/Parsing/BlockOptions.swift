/// Quarto-style options of a Swift block: `//| key: value` comment lines at the top of the block,
/// so the block stays valid Swift.
public struct BlockOptions: Sendable, Equatable, Hashable {
    /// Names the block (`fig-init-hist`): figure/table label, and the block's random stream name.
    public var label: String?
    public var caption: String?
    /// false: hide the code, show the outputs.
    public var echo = true
    /// false: show the code, do not run it.
    public var eval = true
    /// false: run the code, hide its outputs.
    public var output = true
    /// true: the block is expected to fail to compile or to trap.
    public var error = false
    /// Seconds this block may run.
    public var timeout: Int?
    /// true: show the code collapsed under a one-line summary (outputs stay visible); nil: the
    /// chapter's or book's default. Presentation only: it does not change what the program prints.
    public var codeFold: Bool?

    public init(label: String? = nil, caption: String? = nil, echo: Bool = true, eval: Bool = true,
                output: Bool = true, error: Bool = false, timeout: Int? = nil) {
        self.label = label
        self.caption = caption
        self.echo = echo
        self.eval = eval
        self.output = output
        self.error = error
        self.timeout = timeout
    }

    static let prefix = "//|"

    /// Reads the option lines at the top of `code` (whose first line is chapter line
    /// `firstLine`). Returns the options and how many lines they took.
    static func parse(_ code: String, firstLine: Int, file: String) throws -> (BlockOptions, lineCount: Int) {
        var options = BlockOptions()
        var count = 0
        for text in code.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = text.trimmingSpaces()
            guard trimmed.hasPrefix(prefix) else { break }
            let line = firstLine + count
            count += 1
            let body = trimmed.dropFirst(prefix.count)
            guard let option = OptionLine(body, line: line) else {
                throw BookError(stage: .parse, file: file, line: line, message: "block option is not '//| key: value': \(trimmed)")
            }
            try options.apply(option, file: file)
        }
        return (options, count)
    }

    private mutating func apply(_ option: OptionLine, file: String) throws {
        switch option.key {
        case "label":
            let value = try option.nonEmpty(in: file)
            guard value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw BookError(stage: .parse, file: file, line: option.line, message: "label '\(value)' may use only ASCII letters, digits, '-' and '_'")
            }
            label = value
        case "caption": caption = try option.nonEmpty(in: file)
        case "echo": echo = try option.bool(in: file)
        case "eval": eval = try option.bool(in: file)
        case "output": output = try option.bool(in: file)
        case "error": error = try option.bool(in: file)
        case "timeout": timeout = try option.positiveInt(in: file)
        case "code-fold": codeFold = try option.bool(in: file)
        default:
            throw BookError(stage: .parse, file: file, line: option.line,
                            message: "unknown block option '\(option.key)' (known: label, caption, echo, eval, output, error, timeout, code-fold)")
        }
    }
}
