import BookKit

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
    mutating func update(entries: [BookBuilder.WovenEntry], site: BookBuilder.RenderedSite, changedFiles: [String],
                         pages: ServedPages) -> Set<String> {
        var now: [String: [UInt8]] = [:]
        for entry in entries {
            let page = entry.chapter.pageName
            guard let bytes = site.files[page] else { continue }
            if entry.summary.ok { lastGood[page] = bytes }
            let override = entry.summary.ok ? nil : lastGood[page]
            pages.set(page, to: override)
            now[page] = override ?? bytes
        }
        now["index.html"] = site.files["index.html"]
        // Unchanged pages share their bytes with the last build (from the page cache), so comparing
        // them costs nothing; changed ones differ early or in length.
        var reload = Set(now.filter { shown[$0.key] != $0.value }.keys)
        shown = now
        let assetChanged = changedFiles.contains { path in
            !path.hasSuffix(".html") && path != Manifest.fileName && path != HTMLBookRenderer.searchIndexPath
        }
        if assetChanged { reload.insert("*") }
        return reload
    }

    /// The failures to show, by page (`"*"`: the book did not render).
    func failures(entries: [BookBuilder.WovenEntry], bookFailure: String?, strings: ServeStrings,
                  pages: ServedPages) -> [String: LiveState.Failure] {
        var failures: [String: LiveState.Failure] = [:]
        for entry in entries where !entry.summary.ok {
            let page = entry.chapter.pageName
            failures[page] = LiveState.Failure(
                title: ServeStrings.fill(strings.chapterFailed, ["file": entry.chapter.sourcePath]),
                note: pages.override(for: page) != nil ? strings.showingLastGood : strings.showingFailedPage,
                lines: entry.summary.failures)
        }
        if let bookFailure {
            failures["*"] = LiveState.Failure(title: strings.bookFailed, note: strings.showingLastRendered, lines: [bookFailure])
        }
        return failures
    }
}
