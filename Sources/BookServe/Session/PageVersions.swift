import BookKit
import Foundation

/// Which version of each page the preview shows, and which open pages must reload after a build:
/// - a chapter page whose chapter built without failures: the page as written to the output folder;
/// - one whose chapter failed: the last version that built without failures, when there is one
///   (the server serves it instead of the file, `ServedPages`), under the failure overlay; else the
///   page as written, its failures in place.
/// A page reloads when the bytes it is shown with changed; every page when a stylesheet or a
/// script changed. Owned by the session's queue.
struct PageVersions {
    /// The last version of each chapter page whose chapter built without failures.
    private var lastGood: [String: [UInt8]] = [:]
    /// The bytes each page was last shown with.
    private var shown: [String: [UInt8]] = [:]

    /// Takes a build's pages: sets the served versions and returns the pages to reload (`"*"`: all).
    /// - Parameter editions: the editions' folders in the output folder, `""` for the source and
    ///   `zh/` for a translation; a failed chapter shows its last good page in every edition.
    mutating func update(entries: [BookBuilder.WovenEntry], editions: [String], site: BookBuilder.RenderedSite,
                         changedFiles: [String], pages: ServedPages) -> Set<String> {
        var now: [String: [UInt8]] = [:]
        for folder in editions {
            for entry in entries {
                let page = folder + entry.chapter.pageName
                guard let bytes = site.files[page] else { continue }
                if entry.summary.ok { lastGood[page] = bytes }
                let override = entry.summary.ok ? nil : lastGood[page]
                pages.set(page, to: override)
                now[page] = override ?? bytes
            }
            now[folder + "index.html"] = site.files[folder + "index.html"]
        }
        // Unchanged pages share their bytes with the last build (from the page cache), so comparing
        // them costs nothing; changed ones differ early or in length.
        var reload = Set(now.filter { shown[$0.key] != $0.value }.keys)
        shown = now
        // Search indexes change with any prose; open pages load them again when they reload.
        let assetChanged = changedFiles.contains { path in
            !path.hasSuffix(".html") && path != Manifest.fileName && !path.hasPrefix("assets/search-index")
        }
        if assetChanged { reload.insert("*") }
        return reload
    }

    /// The failures to show, by page name (the same in every edition; `"*"`: the book did not
    /// render), and a translation's catalog errors by the path of the page they concern
    /// (`zh/05-x.html`).
    func failures(entries: [BookBuilder.WovenEntry], translations: [TranslationStage.CatalogState], bookFailure: String?,
                  strings: ServeStrings, pages: ServedPages) -> [String: LiveState.Failure] {
        var failures: [String: LiveState.Failure] = [:]
        for entry in entries where !entry.summary.ok {
            let page = entry.chapter.pageName
            failures[page] = LiveState.Failure(
                title: ServeStrings.fill(strings.chapterFailed, ["file": entry.chapter.sourcePath]),
                note: pages.override(for: page) != nil ? strings.showingLastGood : strings.showingFailedPage,
                lines: entry.summary.failures)
        }
        for state in translations where !state.errors.isEmpty {
            let name = (state.sourcePath as NSString).lastPathComponent
            let page = state.language.code + "/" + (name == ChapterFile.indexName ? "index.html"
                                                     : ChapterFile.slug(of: state.sourcePath) + ".html")
            failures[page] = LiveState.Failure(title: ServeStrings.fill(strings.catalogFailed, ["file": state.catalogPath]),
                                               note: strings.showingCatalogFailure, lines: state.errors.map(\.description))
        }
        if let bookFailure {
            failures["*"] = LiveState.Failure(title: strings.bookFailed, note: strings.showingLastRendered, lines: [bookFailure])
        }
        return failures
    }
}
