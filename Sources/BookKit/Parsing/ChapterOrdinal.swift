/// Where a chapter stands in the book, from its file name: `05-initialization.md` is chapter 5,
/// `A-checking-the-engine.md` is appendix A (one capital letter, then `-`). Appendices come after
/// the chapters (file names sort digits before letters), and their figures are numbered A.1, A.2.
public enum ChapterOrdinal: Sendable, Equatable, Hashable {
    case chapter(Int)
    case appendix(Character)

    /// "5" or "A": the prefix of the chapter's float, equation, section and exercise numbers.
    public var label: String {
        switch self {
        case .chapter(let number): return String(number)
        case .appendix(let letter): return String(letter)
        }
    }

    public var chapterNumber: Int? {
        if case .chapter(let number) = self { return number }
        return nil
    }

    public var isAppendix: Bool {
        if case .appendix = self { return true }
        return false
    }

    /// The ordinal a file name gives: leading digits make a chapter, `X-` with X in A...Z an
    /// appendix; nil for anything else (`index.md`, `notes.md`).
    public init?(fileSlug slug: String) {
        if let number = Int(String(slug.prefix(while: { $0.isASCII && $0.isNumber }))) {
            self = .chapter(number)
            return
        }
        let characters = Array(slug)
        guard characters.count >= 2, let first = characters.first, first.isASCII, first.isUppercase,
              characters[1] == "-" else { return nil }
        self = .appendix(first)
    }
}

/// Encoded as its label, "5" or "A" (a woven chapter's encoding is its page's fingerprint).
extension ChapterOrdinal: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let label = try container.decode(String.self)
        if let number = Int(label) {
            self = .chapter(number)
        } else if label.count == 1, let letter = label.first, letter.isASCII, letter.isUppercase {
            self = .appendix(letter)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a chapter number or appendix letter: \(label)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(label)
    }
}
