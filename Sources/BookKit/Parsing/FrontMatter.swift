import BookWire

/// Chapter options from the YAML-style front matter between `---` lines at the top of a file.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var summary: String?
    /// Chapter seed; each block's random stream derives from it and the block's name.
    public var seed: UInt64 = ChapterDefaults.seed
    /// Seconds the whole chapter program may run.
    public var timeout: Int = ChapterDefaults.timeout
    /// Compile the chapter with `-O` instead of `-Onone` (for heavy loops in the chapter itself).
    public var optimize: Bool = false
    /// `code-fold: true`: the chapter's code blocks are shown folded unless a block says otherwise
    /// (`//| code-fold: false`); in `index.md`, the default of the whole book. nil: not set here.
    /// Presentation only, so not part of any cache key.
    public var codeFold: Bool?
    /// Book setting (index.md only): the languages the book is published in, source first
    /// (`editions: en, zh`). Nil: the source, plus every language with a catalog folder.
    public var editions: [String]?
    /// Lines of the `title:` and `summary:` options, for translation catalogs' references.
    public var titleLine: Int?
    public var summaryLine: Int?

    public init(title: String? = nil, summary: String? = nil, seed: UInt64 = ChapterDefaults.seed, timeout: Int = ChapterDefaults.timeout, optimize: Bool = false) {
        self.title = title
        self.summary = summary
        self.seed = seed
        self.timeout = timeout
        self.optimize = optimize
    }

    /// Splits `text` into front matter and body. The body keeps the front matter's lines as empty
    /// lines, so line numbers reported by cmark match the file.
    static func split(_ text: String, file: String) throws -> (FrontMatter, body: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingSpaces() == "---" else { return (FrontMatter(), text) }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingSpaces() == "---" }) else {
            throw BookError(stage: .parse, file: file, line: 1, message: "front matter starts with '---' but has no closing '---'")
        }
        var matter = FrontMatter()
        for index in 1..<close where !lines[index].trimmingSpaces().isEmpty && !lines[index].trimmingSpaces().hasPrefix("#") {
            guard let option = OptionLine(lines[index], line: index + 1) else {
                throw BookError(stage: .parse, file: file, line: index + 1, message: "front matter line is not 'key: value': \(lines[index])")
            }
            try matter.apply(option, file: file)
        }
        for index in 0...close { lines[index] = "" }
        return (matter, lines.joined(separator: "\n"))
    }

    private mutating func apply(_ option: OptionLine, file: String) throws {
        switch option.key {
        case "title":
            title = try option.nonEmpty(in: file)
            titleLine = option.line
        case "summary":
            summary = try option.nonEmpty(in: file)
            summaryLine = option.line
        case "editions":
            let codes = try option.nonEmpty(in: file).split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            guard !codes.contains(where: \.isEmpty) else {
                throw BookError(stage: .parse, file: file, line: option.line, message: "option 'editions' is a comma-separated list of language codes, such as 'en, zh'")
            }
            editions = codes
        case "seed":
            guard let value = UInt64(option.value) else {
                throw BookError(stage: .parse, file: file, line: option.line, message: "option 'seed' must be a whole number from 0 to 2^64-1, not '\(option.value)'")
            }
            seed = value
        case "timeout": timeout = try option.positiveInt(in: file)
        case "optimize": optimize = try option.bool(in: file)
        case "code-fold": codeFold = try option.bool(in: file)
        default:
            throw BookError(stage: .parse, file: file, line: option.line,
                            message: "unknown front matter option '\(option.key)' (known: title, summary, seed, timeout, optimize, code-fold, editions)")
        }
    }
}
