import Foundation

/// The stage between weaving and rendering: the woven chapters (run once, in the source
/// language) become the translated editions the book is published in.
///
/// For each translation and each source file (`index.md` and every chapter), the catalog
/// `chapters/<code>/<slug>.po` is read and merged in memory with the file's current units
/// (`CatalogMerge`); each unit is then translated, stale (its source changed since it was
/// translated), or missing, and every translation is checked (`PlaceholderCheck`). The states
/// feed the build's warnings, `book check`'s list, `book translate`'s updates and statistics,
/// and the translated chapters the renderer turns into `output/<code>/`.
public struct TranslationStage: Sendable {
    public var layout: BookLayout

    public init(layout: BookLayout) {
        self.layout = layout
    }

    /// One source file's catalog in one language, merged with the file's units.
    public struct CatalogState: Sendable {
        public var language: Language
        /// `chapters/05-initialization.md`
        public var sourcePath: String
        /// `chapters/zh/05-initialization.po`
        public var catalogPath: String
        public var catalogFile: URL
        /// False while the catalog file does not exist yet (every unit is missing).
        public var exists: Bool
        /// What `book translate --update` writes.
        public var merged: Catalog
        public var findings: [TranslationFinding]
        public var translated = 0
        public var stale = 0
        public var missing = 0
        var changes = CatalogMerge.Summary()
        var resolutions: [CatalogKey: UnitResolution] = [:]

        public var total: Int { translated + stale + missing }
        public var errors: [TranslationFinding] { findings.filter { $0.kind == .error } }
    }

    /// A stale or missing unit, or a problem with a translation, located in the source file and,
    /// when it is in the catalog, in the catalog too.
    public struct TranslationFinding: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case missing, stale, error, warning }
        public var kind: Kind
        /// `chapters/05-initialization.md:42`
        public var source: String
        /// `chapters/zh/05-initialization.po:310`, when the entry is in the file.
        public var catalog: String?
        public var message: String

        public var description: String {
            switch kind {
            case .error, .warning: return "\(catalog ?? source): \(kind.rawValue): \(message)"
            case .missing, .stale: return "\(source): \(message)" + (catalog.map { " (\($0))" } ?? "")
            }
        }
    }

    /// The translations the book is published in: the `editions:` setting of `index.md` (source
    /// first), else every known language with a catalog folder.
    public func languages(_ book: BookMetadata) throws -> [Language] {
        guard let codes = book.editions else {
            return Language.known.filter { language in
                guard language != Language.source else { return false }
                let folder = layout.catalogDirectory(language).path
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                return names.contains { $0.hasSuffix(".po") }
            }
        }
        let location = book.sourcePath
        var languages: [Language] = []
        for (position, code) in codes.enumerated() {
            guard let language = Language.named(code) else {
                throw BookError(stage: .parse, file: location, line: nil,
                                message: "editions: unknown language '\(code)' (known: \(Language.known.map(\.code).joined(separator: ", ")))")
            }
            if position == 0 && language != Language.source {
                throw BookError(stage: .parse, file: location, line: nil,
                                message: "editions: the list starts with the source language '\(Language.source.code)', the language the chapters are written in")
            }
            if position > 0 && !languages.contains(language) { languages.append(language) }
        }
        return languages.filter { $0 != Language.source }
    }

    /// The catalog states of every translation and source file.
    /// - Parameter memo: states of earlier builds in this process (`book serve`): a chapter whose
    ///   woven text and catalog bytes did not change keeps its state without merging again.
    public func states(_ languages: [Language], book: BookMetadata, chapters: [WovenChapter],
                       memo: TranslationMemo? = nil) -> [CatalogState] {
        let bookUnits = ChapterUnits.units(of: book)
        return languages.flatMap { language in
            [state(language, slug: "index", sourcePath: book.sourcePath, units: bookUnits)] + chapters.map { chapter in
                let contents = FileManager.default.contents(atPath: layout.catalogFile(language, slug: chapter.slug).path)
                if let known = memo?.state(language, chapter, catalog: contents) { return known }
                let state = state(language, slug: chapter.slug, sourcePath: chapter.sourcePath,
                                  units: ChapterUnits.units(of: chapter), contents: contents)
                memo?.remember(state, language, chapter, catalog: contents)
                return state
            }
        }
    }

    /// One file's state; `contents` are its catalog's bytes, read here when not given.
    func state(_ language: Language, slug: String, sourcePath: String, units: [TranslationUnit],
               contents: Data?? = .none) -> CatalogState {
        let file = layout.catalogFile(language, slug: slug)
        let catalogPath = layout.displayPath(file)
        var findings: [TranslationFinding] = []
        var catalog = Catalog()
        var exists = false
        if let data = contents ?? FileManager.default.contents(atPath: file.path) {
            exists = true
            do { catalog = try POFile.parse(String(decoding: data, as: UTF8.self), path: catalogPath) }
            catch {
                let message = (error as? BookError)?.message ?? "\(error)"
                let line = (error as? BookError)?.line
                findings.append(TranslationFinding(kind: .error, source: sourcePath, catalog: catalogPath + (line.map { ":\($0)" } ?? ""),
                                                   message: "cannot read the catalog: \(message)"))
            }
        }
        let (merged, changes) = CatalogMerge.merge(catalog, units: units, sourcePath: sourcePath,
                                                   header: Catalog.newHeader(language: language, sourcePath: sourcePath))
        var state = CatalogState(language: language, sourcePath: sourcePath, catalogPath: catalogPath, catalogFile: file,
                                 exists: exists, merged: merged, findings: findings, changes: changes)
        let kinds = Dictionary(units.map { ($0.key, $0.kind) }, uniquingKeysWith: { a, _ in a })
        for entry in merged.activeEntries {
            let source = entry.references.first ?? sourcePath
            let inCatalog = entry.line > 0 ? "\(catalogPath):\(entry.line)" : nil
            if entry.translation.isEmpty {
                state.missing += 1
                state.resolutions[entry.key] = .untranslated(.missing)
                state.findings.append(TranslationFinding(kind: .missing, source: source, catalog: nil,
                                                         message: "\(language.code): not translated: \(Self.excerpt(entry.id))"))
            } else if entry.isFuzzy {
                state.stale += 1
                state.resolutions[entry.key] = .untranslated(.stale)
                let why = inCatalog == nil ? "the source changed since it was translated (run `book translate --update`)"
                                           : "the translation is marked fuzzy"
                state.findings.append(TranslationFinding(kind: .stale, source: source, catalog: inCatalog,
                                                         message: "\(language.code): stale: \(why): \(Self.excerpt(entry.id))"))
            } else {
                let problems = PlaceholderCheck.problems(source: entry.id, translation: entry.translation,
                                                         kind: kinds[entry.key] ?? .paragraph)
                for problem in problems {
                    state.findings.append(TranslationFinding(kind: problem.isError ? .error : .warning, source: source,
                                                             catalog: inCatalog ?? catalogPath, message: problem.message))
                }
                if problems.contains(where: \.isError) {
                    state.missing += 1
                    state.resolutions[entry.key] = .untranslated(.missing)
                } else {
                    state.translated += 1
                    state.resolutions[entry.key] = .translated(entry.translation)
                }
            }
        }
        return state
    }

    /// The translated editions, one per language of `states`.
    /// - Parameter memo: as for `states`, with the chapters they translated.
    public func editions(_ states: [CatalogState], book: BookMetadata, chapters: [WovenChapter],
                         memo: TranslationMemo? = nil) -> [TranslatedEdition] {
        var languages: [Language] = []
        for state in states where !languages.contains(state.language) { languages.append(state.language) }
        return languages.map { language in
            let bySource = Dictionary(states.filter { $0.language == language }.map { ($0.sourcePath, $0.resolutions) },
                                      uniquingKeysWith: { a, _ in a })
            let translatedBook = WovenTranslator(resolutions: bySource[book.sourcePath] ?? [:]).book(book)
            let translatedChapters = chapters.map { chapter in
                if let known = memo?.translated(language, chapter) { return known }
                let translated = WovenTranslator(resolutions: bySource[chapter.sourcePath] ?? [:]).chapter(chapter)
                memo?.remember(translated: translated, language, chapter)
                return translated
            }
            return TranslatedEdition(language: language, book: translatedBook, chapters: translatedChapters)
        }
    }

    /// Writes each merged catalog whose bytes differ from its file (`book translate --update`);
    /// a catalog that could not be read is left alone. Returns the paths written.
    public func write(_ states: [CatalogState]) throws -> [String] {
        var written: [String] = []
        for state in states where !state.findings.contains(where: { $0.kind == .error && $0.message.hasPrefix("cannot read") }) {
            if try AtomicFile.write(Array(POFile.write(state.merged).utf8), to: state.catalogFile) {
                written.append(state.catalogPath)
            }
        }
        return written
    }

    /// What `--update` changed in a catalog: "2 new, 1 stale, 1 obsolete".
    public static func changes(_ state: CatalogState) -> String {
        let c = state.changes
        var parts: [String] = []
        if c.added > 0 { parts.append("\(c.added) new") }
        if c.madeFuzzy > 0 { parts.append("\(c.madeFuzzy) changed (now fuzzy)") }
        if c.madeObsolete > 0 { parts.append("\(c.madeObsolete) obsolete") }
        if c.revived > 0 { parts.append("\(c.revived) revived") }
        return parts.isEmpty ? "no change" : parts.joined(separator: ", ")
    }

    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (flat.count > 70 ? flat.prefix(69) + "…" : flat) + "\""
    }
}
