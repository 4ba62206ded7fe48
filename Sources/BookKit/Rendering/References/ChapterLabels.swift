/// Everything a chapter lets other pages refer to, found before any page renders so that a
/// reference may point forward or into another chapter: its numbered figures and tables, its
/// labelled equations (numbered "5.1", "5.2" in reading order), its labelled sections (with their
/// section numbers), its exercises, and the chapter itself when its title carries a label.
struct ChapterLabels {
    var floats: [OutputKey: NumberedFloat] = [:]
    /// `eq-xavier` -> "5.2"
    var equationNumbers: [String: String] = [:]
    /// Every label of the chapter, with what a reference to it shows.
    var targets: [String: ReferenceTable.Target] = [:]
    /// The label on the chapter's title (`# Title {#sec-x}`), which the page's header carries.
    var chapterLabel: String?

    /// Collects the labels of `chapter`. Throws, naming the file and line, when two things of the
    /// chapter share a label or an equation's label does not start with `eq-`.
    static func collect(_ chapter: WovenChapter, strings: UIStrings = .english) throws -> ChapterLabels {
        var labels = ChapterLabels()
        var lines: [String: Int] = [:]
        let page = chapter.pageName
        func add(_ label: String, line: Int, _ target: ReferenceTable.Target) throws {
            if let previous = lines[label] {
                throw BookError(stage: .render, file: chapter.sourcePath, line: line,
                                message: "duplicate label '\(label)' (already used at line \(previous))")
            }
            lines[label] = line
            labels.targets[label] = target
        }

        labels.floats = try FloatNumbering.number(chapter, strings: strings)
        for float in labels.floats.values.sorted(by: { $0.line < $1.line }) {
            guard let label = float.label else { continue }
            try add(label, line: float.line, .init(page: page, id: float.id, text: float.title))
        }

        var equations = 0
        var exercises = 0
        var sections = SectionNumbering(chapter: chapter)
        for item in chapter.items {
            switch item {
            case .prose(let markdown, let line, _):
                let protected = ProtectedProse(markdown: markdown, firstLine: line)
                for case .displayMath(_, let label?, let equationLine) in protected.spans {
                    guard label.hasPrefix("eq-"), label.count > 3 else {
                        throw BookError(stage: .render, file: chapter.sourcePath, line: equationLine,
                                        message: "equation label '\(label)' must start with 'eq-' (as in {#eq-xavier})")
                    }
                    equations += 1
                    let number = ChapterNumbering.number(equations, in: chapter)
                    labels.equationNumbers[label] = number
                    try add(label, line: equationLine, .init(page: page, id: label, text: strings.numbered(.equation, number)))
                }
                var seen: [String: Int] = [:]                // labels met in this run, for their lines
                for heading in HeadingAnchors.headings(in: CmarkHTML.render(protected.markdown)) {
                    let attributes = HeadingAttributes(heading.inner)
                    let text = HTMLEscaping.plainText(ofHTML: attributes.text).trimmingSpaces()
                    let occurrence = attributes.label.map { label -> Int in
                        seen[label, default: 0] += 1
                        return seen[label]!
                    } ?? 1
                    let headingLine = Self.line(of: attributes.label, occurrence: occurrence, in: markdown, firstLine: line)
                    if heading.level == 1 && text == chapter.title {
                        guard let label = attributes.label else { continue }
                        labels.chapterLabel = label
                        try add(label, line: headingLine, .init(page: page, id: label,
                                                                text: chapter.ordinal.map(strings.title(of:)) ?? chapter.title))
                        continue
                    }
                    let number = sections.next(level: heading.level, unnumbered: attributes.unnumbered)
                    guard let label = attributes.label else { continue }
                    try add(label, line: headingLine, .init(page: page, id: label,
                                                            text: number.map { strings.numbered(.section, $0) } ?? text))
                }
            case .divOpen(let div) where div.kind == .exercise:
                exercises += 1
                let number = ChapterNumbering.number(exercises, in: chapter)
                if let label = div.label {
                    try add(label, line: div.line, .init(page: page, id: label, text: strings.numbered(.exercise, number)))
                }
            case .cell, .divOpen, .divClose:
                break
            }
        }
        return labels
    }

    /// The chapter line of the `occurrence`-th heading of the prose run that carries `{#label}`
    /// (the run's first line when not found).
    private static func line(of label: String?, occurrence: Int, in markdown: String, firstLine: Int) -> Int {
        guard let label else { return firstLine }
        var found = 0
        for (offset, text) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where text.contains("{#\(label)") {
            found += 1
            if found == occurrence { return firstLine + offset }
        }
        return firstLine
    }
}
