/// The page of a chapter that could not be parsed (for example an unknown block option): its
/// title, and the error at its line, so the book still builds and the reader sees what is wrong.
enum ErrorChapter {
    static func woven(sourcePath: String, error: BookError) -> WovenChapter {
        let slug = ChapterFile.slug(of: sourcePath)
        let cell = WovenCell(index: 1, language: "", code: "", line: error.line ?? 1, echo: false,
                             outputs: [.error(message: error.message, line: error.line)], status: .failed)
        return WovenChapter(sourcePath: sourcePath, slug: slug, ordinal: ChapterFile.ordinal(of: sourcePath), title: slug,
                            summary: nil, items: [.cell(cell)])
    }
}
