/// The HTML around fenced divs: an exercise is a section headed "Exercise 5.2" (numbered per
/// chapter, linkable), a solution a `<details>` collapsed under "Answer". The divs' content is
/// rendered in between like any prose and cells, so a solution's code runs and shows its outputs
/// inside it.
struct ExerciseView {
    var chapter: WovenChapter
    var strings: UIStrings
    private var count = 0
    private var open: [FencedDiv.Kind] = []

    init(chapter: WovenChapter, strings: UIStrings) {
        self.chapter = chapter
        self.strings = strings
    }

    /// The element id of exercise number `count`: its label, else `exercise-5-2`.
    static func id(_ div: FencedDiv, count: Int, in chapter: WovenChapter) -> String {
        div.label ?? "exercise-" + ChapterNumbering.number(count, in: chapter).replacingOccurrences(of: ".", with: "-")
    }

    /// Every id the chapter's exercises take, so headings never take them.
    static func ids(of chapter: WovenChapter) -> [String] {
        var count = 0
        return chapter.items.compactMap { item in
            guard case .divOpen(let div) = item, div.kind == .exercise else { return nil }
            count += 1
            return id(div, count: count, in: chapter)
        }
    }

    mutating func open(_ div: FencedDiv) -> String {
        open.append(div.kind)
        switch div.kind {
        case .exercise:
            count += 1
            let id = HTMLEscaping.attribute(Self.id(div, count: count, in: chapter))
            let title = strings.numbered(.exercise, ChapterNumbering.number(count, in: chapter))
            return "<section class=\"exercise\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">"
                + "<p class=\"exercise-title\" id=\"\(id)-title\"><a href=\"#\(id)\">\(HTMLEscaping.text(title))</a></p>\n"
        case .solution:
            let id = div.label.map { " id=\"\(HTMLEscaping.attribute($0))\"" } ?? ""
            return "<details class=\"solution\"\(id)><summary>\(HTMLEscaping.text(strings.answer))</summary>"
                + "<div class=\"solution-body\">\n"
        }
    }

    mutating func close() -> String {
        switch open.popLast() {
        case .exercise: return "</section>\n"
        case .solution: return "</div></details>\n"
        case nil: return ""                    // the parser keeps divs balanced
        }
    }
}
