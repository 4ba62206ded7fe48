/// `book list`: each chapter's blocks and whether its cached result is current.
public struct ChapterStatus: Sendable {
    public enum State: String, Sendable { case cached, stale, failed }

    public var sourcePath: String
    public var state: State
    public var blocks: [CodeBlock]
    /// Why a chapter cannot be listed (a parse error), else nil.
    public var error: String?

    /// Statuses of every chapter of `layout`'s book, without compiling anything.
    public static func all(layout: BookLayout, toolchain: Toolchain) throws -> [ChapterStatus] {
        let inputs = BuildInputs.read(toolchain: toolchain, cacheDirectory: layout.cacheDirectory)
        return try layout.chapterFiles().map { file in
            do {
                let chapter = try layout.parse(file)
                let key = inputs.cacheKey(for: chapter)
                var state = State.stale
                if case .hit(let result) = layout.cache.lookup(slug: chapter.slug, key: key) {
                    let summary = ChapterSummary(woven: Weaver().weave(chapter, result: result), chapterErrors: result.chapterErrors)
                    state = summary.ok ? .cached : .failed
                }
                return ChapterStatus(sourcePath: chapter.sourcePath, state: state, blocks: chapter.blocks, error: nil)
            } catch {
                return ChapterStatus(sourcePath: layout.sourcePath(of: file), state: .failed, blocks: [], error: "\(error)")
            }
        }
    }
}
