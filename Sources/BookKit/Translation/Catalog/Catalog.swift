/// A translation catalog: the entries of one chapter's `.po` file, in order (the header entry,
/// `msgid ""`, first when there is one; obsolete entries last).
public struct Catalog: Sendable, Equatable {
    public var entries: [CatalogEntry]

    public init(entries: [CatalogEntry] = []) {
        self.entries = entries
    }

    public var header: CatalogEntry? { entries.first(where: \.isHeader) }
    /// The entries a unit can match: neither the header nor obsolete.
    public var activeEntries: [CatalogEntry] { entries.filter { !$0.isHeader && !$0.isObsolete } }
    public var obsoleteEntries: [CatalogEntry] { entries.filter { !$0.isHeader && $0.isObsolete } }

    /// The active entry for `key`, if any.
    public func entry(_ key: CatalogKey) -> CatalogEntry? {
        entries.first { !$0.isObsolete && !$0.isHeader && $0.key == key }
    }

    /// The header of a new catalog for `language`: no dates, so rewriting a catalog that did not
    /// change gives the same bytes.
    static func newHeader(language: Language, sourcePath: String) -> CatalogEntry {
        var header = CatalogEntry(id: "", translation: """
            Project-Id-Version: NeuralBook \(sourcePath)
            Language: \(language.code)
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: 8bit
            Plural-Forms: nplurals=1; plural=0;

            """)
        header.translatorComments = [
            "Translation of \(sourcePath) into \(language.code) (\(language.name)).",
            "Keep `{swift} ...` spans, @references and $math$ exactly as they are.",
            "`book translate --update` refreshes this file (README: Translations).",
        ]
        return header
    }
}
