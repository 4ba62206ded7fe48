import Foundation

/// Stages 4 to 6 of `BookBuilder`: translation, rendering, writing.
extension BookBuilder {
    /// The chapters after stage 4.
    public struct Translated: Sendable {
        public var states: [TranslationStage.CatalogState]
        public var editions: [TranslatedEdition]

        public init(states: [TranslationStage.CatalogState] = [], editions: [TranslatedEdition] = []) {
            self.states = states
            self.editions = editions
        }
    }

    /// Stage 4: the catalogs merged with the woven chapters' units, and the translated editions.
    /// - Parameter memo: what earlier builds of this process translated (`book serve`).
    public func translate(_ chapters: [WovenChapter], book: BookMetadata, memo: TranslationMemo? = nil) throws -> Translated {
        let stage = TranslationStage(layout: layout)
        let states = stage.states(try stage.languages(book), book: book, chapters: chapters, memo: memo)
        return Translated(states: states, editions: stage.editions(states, book: book, chapters: chapters, memo: memo))
    }

    /// Stage 5: the whole site, every edition. A chapter page found in `pages` under its current
    /// key is not rendered again; the pages rendered are stored there. Index pages, search indexes
    /// (put together from every page's entries) and assets are made every time: they are cheap.
    /// Chapter pages render in parallel (`options.jobs`). Throws the renderer's `BookError`s.
    public func render(_ chapters: [WovenChapter], book: BookMetadata, translations: [TranslatedEdition] = [],
                       pages: PageCache?) throws -> RenderedSite {
        let renderer = HTMLBookRenderer()
        var rendered: [String] = []
        let files = try renderer.site(book: book, chapters: chapters, translations: translations) { outline, headingIDs in
            let results = Array(outline.chapters.indices).parallelMap(parallelism: options.jobs) { position -> Result<(RenderedPage, Bool), Error> in
                let pageName = outline.chapters[position].pageName
                let sourceIDs = headingIDs[pageName] ?? []
                let key = pages?.key(at: position, in: outline, sourceHeadingIDs: sourceIDs)
                if let key, let remembered = pages?.page(path: outline.edition.folder + pageName, key: key) {
                    return .success((remembered, false))
                }
                return Result {
                    let page = try renderer.chapterPage(at: position, outline, sourceHeadingIDs: sourceIDs)
                    if let key { pages?.store(page, key: key) }
                    return (page, true)
                }
            }
            return try results.map { result in
                let (page, fresh) = try result.get()
                if fresh { rendered.append(page.path) }
                return page
            }
        }
        return RenderedSite(files: files, renderedPages: rendered)
    }

    /// Stage 6: the files whose bytes changed, written, and the manifest; returns their paths.
    public func write(_ site: RenderedSite, woven: Woven, translations: Translated, inputs: BuildInputs) throws -> [String] {
        let manifest = Manifest(engine: inputs.linkedSources, chapters: woven.manifestChapters,
                                editions: manifestEditions(translations, chapters: woven.chapters))
        return try OutputWriter(folder: layout.outputDirectory).write(files: site.files, manifest: manifest)
    }

    /// The manifest's record of the translated editions: their pages and catalogs (nil without any).
    private func manifestEditions(_ translations: Translated, chapters: [WovenChapter]) -> [Manifest.Edition]? {
        guard !translations.editions.isEmpty else { return nil }
        return translations.editions.map { edition in
            let folder = edition.language.code + "/"
            let catalogs = translations.states.filter { $0.language == edition.language }.map { state in
                Manifest.CatalogCounts(catalog: state.catalogPath, catalogHash: ContentHash.file(state.catalogFile) ?? "missing",
                                       translated: state.translated, stale: state.stale, missing: state.missing)
            }
            return Manifest.Edition(language: edition.language.code,
                                    pages: [folder + "index.html"] + chapters.map { folder + $0.pageName }, catalogs: catalogs)
        }
    }
}
