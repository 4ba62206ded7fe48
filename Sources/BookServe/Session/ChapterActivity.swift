import BookKit
import BookWire

/// What each running chapter is doing, from the runner's events (`ChapterEvent`), turned into
/// the banner's two lines. Written by the chapters' worker threads, read by the session.
final class ChapterActivity: Sendable {
    struct Chapter: Sendable {
        var sourcePath: String
        var blockLines: [Int: Int]
        var event: ChapterEvent?
        var progress: (step: Int, total: Int, label: String)?
    }

    private let chapters = Locked([String: Chapter]())
    private let strings: ServeStrings
    private let listener = Locked<(@Sendable () -> Void)?>(nil)

    init(strings: ServeStrings) { self.strings = strings }

    /// Calls `listener` after every event recorded.
    func onChange(_ listener: @escaping @Sendable () -> Void) {
        self.listener.withLock { $0 = listener }
    }

    /// Chapter `slug` waits for or starts its run.
    func begin(slug: String, chapter: ParsedChapter) {
        let lines = Dictionary(chapter.blocks.map { ($0.index, $0.line) }, uniquingKeysWith: { first, _ in first })
        chapters.withLock { $0[slug] = Chapter(sourcePath: chapter.sourcePath, blockLines: lines) }
    }

    func record(slug: String, event: ChapterEvent) {
        chapters.withLock { chapters in
            guard var chapter = chapters[slug] else { return }
            if case .progress(let step, let total, let label) = event {
                chapter.progress = (step, total, label)
            } else {
                chapter.event = event
                chapter.progress = nil
            }
            chapters[slug] = chapter
        }
        listener.withLock { $0 }?()
    }

    func end(slug: String) {
        chapters.withLock { _ = $0.removeValue(forKey: slug) }
    }

    /// The banner of every running chapter, by page.
    func banners() -> [String: LiveState.Running] {
        chapters.withLock { chapters in
            var banners: [String: LiveState.Running] = [:]
            for (slug, chapter) in chapters { banners[slug + ".html"] = banner(chapter) }
            return banners
        }
    }

    private func banner(_ chapter: Chapter) -> LiveState.Running {
        let file = ["file": chapter.sourcePath]
        var details: [String] = []
        let title: String
        switch chapter.event {
        case nil:
            title = ServeStrings.fill(strings.waiting, file)
        case .compiling?:
            title = ServeStrings.fill(strings.compiling, file)
        case .running(let block, let position, let count)?:
            title = ServeStrings.fill(strings.running, file)
            details.append(ServeStrings.fill(strings.block, ["position": "\(position)", "count": "\(count)",
                                                             "line": chapter.blockLines[block].map(String.init) ?? "?"]))
        case .probing(let block)?:
            title = ServeStrings.fill(strings.running, file)
            details.append(ServeStrings.fill(strings.probing, ["block": "\(block)",
                                                               "line": chapter.blockLines[block].map(String.init) ?? "?"]))
        case .progress?:
            title = ServeStrings.fill(strings.running, file)
        }
        if let progress = chapter.progress {
            details.append(ServeStrings.fill(strings.progress, ["label": progress.label, "step": "\(progress.step)",
                                                                "total": "\(progress.total)"]))
        }
        return LiveState.Running(title: title, detail: details.isEmpty ? nil : details.joined(separator: " · "))
    }
}
