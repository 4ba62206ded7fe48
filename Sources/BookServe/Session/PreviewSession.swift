import BookKit
import BookWire
import Foundation

/// `book serve`'s build loop: the pipeline's stages (`BookBuilder`) driven one chapter at a time,
/// with what they produced kept between rebuilds.
///
/// On every batch of changes (`refresh`), on its own serial queue:
/// 1. each chapter file is read and hashed; only files whose bytes changed are parsed again;
/// 2. a chapter whose cache key changed (code, seed, options that change what runs) or whose data
///    files changed is looked up in the cache, and run when missing (`startRun`), in the
///    background; a run of the same chapter with an older key is cancelled first;
/// 3. chapters whose parse or result changed are woven again; a chapter that is running keeps
///    its last woven version (its page stays as it was, with the running banner over it);
/// 4. the translation catalogs are read and the translated editions made (a book with
///    `editions:` in index.md, or catalogs in `chapters/<code>/`);
/// 5. the site, every edition, is rendered through the `PageCache` (only changed pages render)
///    and written (only changed bytes);
/// 6. the open pages hear which pages changed (`reload`, paths such as `zh/05-x.html`) and what
///    runs and what failed (`state`).
public final class PreviewSession: @unchecked Sendable {
    /// One chapter file as the session knows it.
    private struct Chapter {
        var parsed: BookBuilder.Parsed
        /// The result for the chapter's current key, once known.
        var outcome: ChapterOutcome?
        /// What its page shows; nil until first woven.
        var woven: BookBuilder.WovenEntry?
        var needsWeaving = true
    }

    /// A chapter program being compiled and run for cache key `key`.
    private final class Run: Sendable {
        let key: String
        let cancellation = RunCancellation()
        /// Signalled when its thread is done, compiler and program gone: the next run of the
        /// chapter uses the same work folder, so it waits for this.
        let ended = DispatchSemaphore(value: 0)
        init(key: String) { self.key = key }
    }

    let builder: BookBuilder
    let hub: EventHub
    let pages: ServedPages
    private let reporter: ProgressReporter
    private let activity: ChapterActivity
    private let strings: ServeStrings
    private let pageCache: PageCache
    private let translationMemo = TranslationMemo()
    private let queue = DispatchQueue(label: "book serve: session")
    /// At most `jobs` chapter programs at once; the others wait for a slot.
    private let runSlots: DispatchSemaphore
    private let runsFinished = DispatchGroup()
    /// Set by `stop`, read by every thread.
    private let stopping = Locked(false)
    /// Stops the first build's chapters (`start`), which run outside the session's own runs.
    private let firstBuild = RunCancellation()

    // Owned by `queue`.
    private var chapters: [String: Chapter] = [:]
    private var order: [URL] = []
    private var runs: [String: Run] = [:]
    /// Cancelled runs whose thread may not have ended yet, by slug.
    private var stoppingRuns: [String: Run] = [:]
    /// Which version of each page is shown, and which pages must reload.
    private var versions = PageVersions()
    private var state: LiveState
    private var bookFailure: String?
    /// The last stage 4: catalog states and translated editions (none for a book in one language).
    private var translations = BookBuilder.Translated()
    private var statePending = false

    public init(layout: BookLayout, toolchain: Toolchain, jobs: Int, strings: ServeStrings = .english) {
        let activity = ChapterActivity(strings: strings)
        self.activity = activity
        self.strings = strings
        let total = (try? layout.chapterFiles().count) ?? 0
        let hub = EventHub()
        self.hub = hub
        pages = ServedPages()
        state = LiveState(strings: strings)
        runSlots = DispatchSemaphore(value: max(1, jobs))
        pageCache = PageCache(folder: layout.pageCacheDirectory)
        reporter = ProgressReporter(total: total) { slug, event in activity.record(slug: slug, event: event) }
        builder = BookBuilder(layout: layout, toolchain: toolchain, options: .init(jobs: jobs), reporter: reporter)
        activity.onChange { [weak self] in
            guard let self else { return }
            queue.async { self.scheduleStatePublish() }
        }
    }

    public var layout: BookLayout { builder.layout }

    /// The folders whose changes matter: the chapters, and the data folder beside them if any.
    public var watchedFolders: [URL] {
        let data = layout.bookRoot.appendingPathComponent("data")
        return [layout.chaptersDirectory] + (FileManager.default.fileExists(atPath: data.path) ? [data] : [])
    }

    // MARK: - The first build

    /// Builds the book as `book build` does (cached chapters from the cache, stale ones run, with
    /// progress on the terminal) and remembers everything for the rebuilds. Returns false when
    /// `stop` interrupted it (nothing was written then).
    public func start() throws -> Bool {
        try queue.sync {
            let files = try layout.chapterFiles()
            let inputs = readInputs()
            var first = builder
            first.options.cancellation = firstBuild
            let parsed = first.parse(files)
            let outcomes = first.execute(parsed, inputs: inputs, reporter: reporter)
            if stopping.withLock({ $0 }) { return false }
            order = files
            for item in parsed {
                chapters[item.file.lastPathComponent] = Chapter(
                    parsed: item, outcome: (try? item.chapter.get()).flatMap { outcomes[$0.slug] })
            }
            rebuild(inputs: inputs)
            return true
        }
    }

    // MARK: - Rebuilds

    /// Takes a batch of changed paths (from the watcher, as hints: the files' contents decide).
    /// A batch of nothing but editors' own files (`.01-x.md.swp`, `4913`, backups) does nothing.
    public func refresh(changed paths: Set<String>) {
        let dataFolder = layout.bookRoot.appendingPathComponent("data").standardizedFileURL.path + "/"
        let chaptersFolder = layout.chaptersDirectory.path
        let dataChanged = paths.contains { $0.hasPrefix(dataFolder) }
        // Chapters, index.md, and translation catalogs (`chapters/zh/*.po`).
        let chaptersChanged = paths.contains { path in
            let name = (path as NSString).lastPathComponent
            return path == chaptersFolder || ((name.hasSuffix(".md") || name.hasSuffix(".po")) && !name.hasPrefix("."))
        }
        guard dataChanged || chaptersChanged else { return }
        queue.async { [self] in
            guard !stopping.withLock({ $0 }) else { return }
            refreshNow(dataChanged: dataChanged)
        }
    }

    private func refreshNow(dataChanged: Bool) {
        let inputs = readInputs()
        let files: [URL]
        do { files = try layout.chapterFiles() } catch {
            bookFailure = "\(error)"
            state.failures = versions.failures(entries: [], translations: [], bookFailure: bookFailure, strings: strings, pages: pages)
            publishState()
            return
        }
        // 1. Parse what changed.
        let names = Set(files.map(\.lastPathComponent))
        for (name, chapter) in chapters where !names.contains(name) {
            cancelRun(slug: ChapterFile.slug(of: chapter.parsed.file.path))
            chapters[name] = nil
        }
        order = files
        for file in files {
            let name = file.lastPathComponent
            let hash = (try? layout.contents(of: file)).map(ContentHash.of) ?? "missing"
            if let known = chapters[name], known.parsed.sourceHash == hash { continue }
            let parsed = builder.parse(file: file)
            if var known = chapters[name] {
                known.parsed = parsed
                known.needsWeaving = true
                chapters[name] = known
            } else {
                chapters[name] = Chapter(parsed: parsed)
            }
        }
        // 2. Results: current ones kept, others from the cache or from a run.
        for (position, file) in files.enumerated() {
            let name = file.lastPathComponent
            guard var chapter = chapters[name] else { continue }
            guard case .success(let parsed) = chapter.parsed.chapter else {
                cancelRun(slug: ChapterFile.slug(of: file.path))      // it no longer parses: its page shows why
                continue
            }
            let key = inputs.cacheKey(for: parsed)
            if let run = runs[parsed.slug] {
                if run.key == key { continue }
                cancelRun(slug: parsed.slug)
            }
            let current = chapter.outcome.map { $0.key == key && (!dataChanged || layout.cache.dataFilesUnchanged($0.result)) } ?? false
            if current { continue }
            if let cached = builder.lookup(parsed, inputs: inputs) {
                chapter.outcome = cached
                chapter.needsWeaving = true
            } else {
                // The old result stays: the page keeps showing it until the run ends, and it is
                // current again if the edit is undone before then.
                startRun(parsed, key: key, position: position + 1, inputs: inputs)
            }
            chapters[name] = chapter
        }
        rebuild(inputs: inputs)
    }

    /// Stages 3 to 6 and telling the pages: weave what changed, translate, render, write, announce.
    private func rebuild(inputs: BuildInputs) {
        var entries: [BookBuilder.WovenEntry] = []
        for file in order {
            guard var chapter = chapters[file.lastPathComponent] else { continue }
            let running = runs[ChapterFile.slug(of: file.path)] != nil
            if chapter.needsWeaving && (!running || chapter.woven == nil) {
                chapter.woven = builder.weave(chapter.parsed, outcome: running ? nil : chapter.outcome)
                chapter.needsWeaving = running
                chapters[file.lastPathComponent] = chapter
            }
            if let woven = chapter.woven { entries.append(woven) }
        }
        let woven = BookBuilder.Woven(entries)
        var changed: [String] = []
        var site: BookBuilder.RenderedSite?
        do {
            // Stage 4 reads the catalogs again: a saved `.po` file changes only the translated pages.
            let book = try layout.metadata()
            translations = try builder.translate(woven.chapters, book: book, memo: translationMemo)
            let rendered = try builder.render(woven.chapters, book: book, translations: translations.editions, pages: pageCache)
            changed = try builder.write(rendered, woven: woven, translations: translations, inputs: inputs)
            site = rendered
            bookFailure = nil
        } catch {
            bookFailure = "\(error)"
        }
        let editions = [""] + translations.editions.map { $0.language.code + "/" }
        let reload = site.map { versions.update(entries: entries, editions: editions, site: $0, changedFiles: changed, pages: pages) } ?? []
        state.failures = versions.failures(entries: entries, translations: translations.states, bookFailure: bookFailure,
                                           strings: strings, pages: pages)
        publishState()
        hub.publishReload(pages: reload.sorted())
        if let site, !changed.isEmpty {
            reporter.message("rendered \(Self.count(site.renderedPages.count, "chapter page")), wrote \(Self.count(changed.count, "file"))")
        } else if let bookFailure {
            reporter.message("not rendered: \(bookFailure)")
        }
    }

    // MARK: - Runs

    private func startRun(_ chapter: ParsedChapter, key: String, position: Int, inputs: BuildInputs) {
        let run = Run(key: key)
        let previous = stoppingRuns.removeValue(forKey: chapter.slug)
        runs[chapter.slug] = run
        activity.begin(slug: chapter.slug, chapter: chapter)
        scheduleStatePublish()
        runsFinished.enter()
        let builder = self.builder, reporter = self.reporter, slots = runSlots
        DispatchQueue.global().async { [self] in
            defer { runsFinished.leave() }
            defer { run.ended.signal() }
            previous?.ended.wait()             // a cancelled run stops within a tenth of a second
            slots.wait()
            defer { slots.signal() }
            let threads = max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, queue.sync { runs.count }))
            let outcome = run.cancellation.isCancelled ? nil
                : builder.run(chapter, position: position, inputs: inputs, engineThreads: threads,
                              cancellation: run.cancellation, reporter: reporter)
            queue.async { self.finished(run, slug: chapter.slug, outcome: outcome) }
        }
    }

    private func finished(_ run: Run, slug: String, outcome: ChapterOutcome?) {
        guard runs[slug] === run else { return }     // superseded by a newer run
        runs[slug] = nil
        activity.end(slug: slug)
        guard let outcome, !stopping.withLock({ $0 }) else { publishState(); return }
        for (name, chapter) in chapters where ChapterFile.slug(of: chapter.parsed.file.path) == slug {
            var updated = chapter
            updated.outcome = outcome
            updated.needsWeaving = true
            chapters[name] = updated
        }
        refreshNow(dataChanged: false)
    }

    private func cancelRun(slug: String) {
        guard let run = runs.removeValue(forKey: slug) else { return }
        run.cancellation.cancel()
        stoppingRuns[slug] = run
        activity.end(slug: slug)
    }

    // MARK: - Stopping

    /// Stops the first build's chapters and every run (their programs and compilers are killed
    /// with their sessions); later refreshes do nothing. Returns at once: `waitForRuns` waits.
    public func requestStop() {
        stopping.withLock { $0 = true }
        firstBuild.cancel()
        queue.async { [self] in
            for slug in Array(runs.keys) { cancelRun(slug: slug) }
        }
    }

    /// Waits until every run started has ended, at most `timeout` seconds; false on timeout.
    @discardableResult
    public func waitForRuns(timeout: TimeInterval) -> Bool {
        queue.sync {}                  // cancellations asked for before this call are done
        return runsFinished.wait(timeout: .now() + timeout) == .success
    }

    // MARK: - Helpers

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    private func readInputs() -> BuildInputs {
        BuildInputs.read(toolchain: builder.toolchain, cacheDirectory: layout.cacheDirectory)
    }

    /// Progress events arrive many times a second: the state goes out at most every 0.2 s.
    private func scheduleStatePublish() {
        guard !statePending else { return }
        statePending = true
        queue.asyncAfter(deadline: .now() + 0.2) { [self] in
            statePending = false
            publishState()
        }
    }

    private func publishState() {
        state.running = activity.banners()
        hub.publishState(json: state.json)
    }
}
