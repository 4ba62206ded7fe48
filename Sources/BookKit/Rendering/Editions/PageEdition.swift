/// The edition a page belongs to, as the page frame and the content renderers see it: its
/// language and UI strings, where it sits in the output folder, and the other editions of the
/// same page the language switch links to.
///
/// The source edition's pages sit at the top of `output/`, a translation's in `output/<code>/`
/// with the same file names, so a page's counterpart is `zh/<page>` from English and `../<page>`
/// back; the shared `assets/` folder is `../assets/` from a translation.
struct PageEdition: Sendable {
    struct Alternate: Sendable {
        var language: Language
        /// Prepended to a page name to reach that edition's copy: `zh/` or `../`.
        var prefix: String
    }

    var language: Language
    var strings: UIStrings
    /// The edition's folder inside the output folder, with a trailing slash: "" or "zh/".
    var folder: String
    var alternates: [Alternate]

    var isSource: Bool { language == Language.source }
    /// Relative path from this edition's pages to the output folder's root.
    var rootPrefix: String { folder.isEmpty ? "" : "../" }
    var assetPrefix: String { rootPrefix + "assets/" }
    /// Path of this edition's search index inside the output folder.
    var searchIndexFile: String {
        isSource ? "assets/search-index.js" : "assets/search-index-\(language.code).js"
    }

    /// The source edition when it is the only one: the book exactly as it was before editions.
    static let sourceOnly = PageEdition.make(Language.source, in: [Language.source])

    /// The edition of `language` in a book published in `languages` (the source first).
    static func make(_ language: Language, in languages: [Language]) -> PageEdition {
        let folder = language == Language.source ? "" : language.code + "/"
        let alternates = languages.filter { $0 != language }.map { other in
            let otherFolder = other == Language.source ? "" : other.code + "/"
            return Alternate(language: other, prefix: (folder.isEmpty ? "" : "../") + otherFolder)
        }
        return PageEdition(language: language, strings: UIStrings.of(language), folder: folder, alternates: alternates)
    }
}
