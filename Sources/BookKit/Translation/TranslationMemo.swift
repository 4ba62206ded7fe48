import Foundation

/// Stage 4's work on each chapter, remembered between builds of one process (`book serve`
/// rebuilds after every save): a chapter's catalog state and its translated chapter stay what
/// they were while the woven chapter is equal and its catalog file has the same bytes. Merging a
/// catalog and translating a chapter are the costly parts of the stage (units from the cmark
/// tree, every output's text); a prose edit changes one chapter, a saved catalog one file.
/// Within one build `states` comes before `editions`, so a translated chapter always belongs to
/// the state remembered beside it.
public final class TranslationMemo: @unchecked Sendable {
    private struct Entry {
        var source: WovenChapter
        var catalog: Data?
        var state: TranslationStage.CatalogState
        var translated: WovenChapter?
    }

    private let lock = NSLock()
    /// By language and slug: `zh/05-initialization`.
    private var entries: [String: Entry] = [:]

    public init() {}

    private static func key(_ language: Language, _ chapter: WovenChapter) -> String {
        language.code + "/" + chapter.slug
    }

    func state(_ language: Language, _ chapter: WovenChapter, catalog: Data?) -> TranslationStage.CatalogState? {
        lock.withLock {
            guard let entry = entries[Self.key(language, chapter)], entry.catalog == catalog, entry.source == chapter else { return nil }
            return entry.state
        }
    }

    func remember(_ state: TranslationStage.CatalogState, _ language: Language, _ chapter: WovenChapter, catalog: Data?) {
        lock.withLock { entries[Self.key(language, chapter)] = Entry(source: chapter, catalog: catalog, state: state) }
    }

    func translated(_ language: Language, _ chapter: WovenChapter) -> WovenChapter? {
        lock.withLock {
            guard let entry = entries[Self.key(language, chapter)], entry.source == chapter else { return nil }
            return entry.translated
        }
    }

    func remember(translated: WovenChapter, _ language: Language, _ chapter: WovenChapter) {
        lock.withLock {
            guard entries[Self.key(language, chapter)]?.source == chapter else { return }
            entries[Self.key(language, chapter)]?.translated = translated
        }
    }
}
