/// One entry of a translation catalog, as gettext's PO format has it: the source text (`msgid`),
/// an optional context that tells apart equal source texts meant differently (`msgctxt`), the
/// translation (`msgstr`, empty while untranslated), and the comments around them.
///
///     # translator's own note
///     #. paragraph                                    (extracted: what kind of unit)
///     #: chapters/05-initialization.md:42            (references: where the source text is)
///     #, fuzzy                                        (flags: the translation is stale)
///     #| msgid "The text the translation was made for"
///     msgid "The text as it is now"
///     msgstr "译文"
///
/// An obsolete entry (`#~` before every line) keeps the translation of a unit the source no
/// longer has, in case it comes back.
public struct CatalogEntry: Sendable {
    public var translatorComments: [String] = []
    public var extractedComments: [String] = []
    /// `file:line` of each place the source text appears.
    public var references: [String] = []
    public var flags: [String] = []
    /// The source text the (now stale) translation was made for (`#| msgctxt`, `#| msgid`).
    public var previousContext: String?
    public var previousID: String?
    public var context: String?
    public var id: String
    public var translation: String
    public var isObsolete = false
    /// Line of the entry's first line in its catalog file (0 for an entry not read from a file).
    public var line = 0

    public init(context: String? = nil, id: String, translation: String = "") {
        self.context = context
        self.id = id
        self.translation = translation
    }

    public var key: CatalogKey { CatalogKey(context: context, id: id) }
    public var isHeader: Bool { id.isEmpty && context == nil }
    public var isFuzzy: Bool { flags.contains("fuzzy") }

    /// Marks or unmarks the entry as fuzzy (stale), keeping its other flags.
    public mutating func setFuzzy(_ fuzzy: Bool) {
        flags.removeAll { $0 == "fuzzy" }
        if fuzzy { flags.insert("fuzzy", at: 0) }
    }
}

extension CatalogEntry: Equatable {
    /// Equal content; where the entry was read from does not count.
    public static func == (a: CatalogEntry, b: CatalogEntry) -> Bool {
        a.translatorComments == b.translatorComments && a.extractedComments == b.extractedComments
            && a.references == b.references && a.flags == b.flags && a.previousContext == b.previousContext
            && a.previousID == b.previousID && a.context == b.context && a.id == b.id
            && a.translation == b.translation && a.isObsolete == b.isObsolete
    }
}

/// What identifies a unit in a catalog: its source text and context.
public struct CatalogKey: Hashable, Sendable, CustomStringConvertible {
    public var context: String?
    public var id: String

    public init(context: String?, id: String) {
        self.context = context
        self.id = id
    }

    public var description: String { (context.map { "[\($0)] " } ?? "") + id }
}
