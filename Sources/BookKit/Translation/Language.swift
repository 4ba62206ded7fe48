/// A language the book can be read in. English is the source: the chapters are written in it and
/// every other edition is translated from it through catalogs (`chapters/<code>/*.po`).
public struct Language: Hashable, Sendable, CustomStringConvertible {
    /// The catalog folder under `chapters/` and the edition folder under `output/`: `zh`.
    public var code: String
    /// The BCP 47 tag pages declare in `lang`: `zh-Hans` (Simplified Chinese script), so browsers
    /// pick Simplified glyph forms from a CJK font collection and screen readers the right voice.
    public var htmlTag: String
    /// The language's name in itself, for the language switch: "中文".
    public var name: String
    /// Chinese typography: CJK font stack, no synthetic italics, spacing between Han and Latin.
    public var isCJK: Bool

    public var description: String { code }

    public static let english = Language(code: "en", htmlTag: "en", name: "English", isCJK: false)
    public static let chinese = Language(code: "zh", htmlTag: "zh-Hans", name: "中文", isCJK: true)

    /// The language chapters are written in.
    public static let source = english
    /// Every language the renderer has UI strings for (`UIStrings.table`).
    public static let known: [Language] = [english, chinese]

    /// The known language with this code, or nil.
    public static func named(_ code: String) -> Language? {
        known.first { $0.code == code }
    }
}
