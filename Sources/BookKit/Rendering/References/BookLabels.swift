/// The labels of the whole book, collected before any page renders (`ChapterLabels` per chapter),
/// so a reference may point forward and into another chapter.
struct BookLabels {
    var chapters: [ChapterLabels]
    private var global = ReferenceTable()

    init(_ chapters: [WovenChapter], strings: UIStrings) throws {
        self.chapters = try chapters.map { try ChapterLabels.collect($0, strings: strings) }
        for labels in self.chapters { global.add(labels.targets) }
    }

    /// The references as chapter `position` sees them: its own labels first.
    func references(forChapterAt position: Int) -> ReferenceTable {
        var table = global
        table.local = chapters[position].targets
        return table
    }

    /// The references as a page without labels of its own (the preface) sees them.
    var bookReferences: ReferenceTable { global }
}
