/// Section numbers of a chapter, in reading order: level-2 headings are "5.1", "5.2", level-3
/// headings under them "5.2.1"; deeper headings, level-3 headings before the first level-2 one
/// (a glossary's entries) and headings marked `{.unnumbered}` get none, and neither does any
/// heading of an unnumbered page. The label pass and the page renderer each walk the chapter's
/// headings with one of these, so both give every heading the same number.
struct SectionNumbering {
    /// "5" or "A"; nil numbers nothing.
    let prefix: String?
    private var section = 0
    private var subsection = 0

    init(prefix: String?) {
        self.prefix = prefix
    }

    init(chapter: WovenChapter) {
        self.init(prefix: chapter.ordinal?.label)
    }

    /// The number of the next heading of `level`, or nil when it is unnumbered.
    mutating func next(level: Int, unnumbered: Bool) -> String? {
        guard let prefix, !unnumbered else { return nil }
        switch level {
        case 2:
            section += 1
            subsection = 0
            return "\(prefix).\(section)"
        case 3 where section > 0:
            subsection += 1
            return "\(prefix).\(section).\(subsection)"
        default:
            return nil
        }
    }
}
