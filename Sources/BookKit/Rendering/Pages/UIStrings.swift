/// Every word the renderer writes around the author's text: labels, buttons, numbering words,
/// counted phrases. One place, so an edition in another language replaces them all at once
/// (`english` is the book's own). Scripts get their words from the page (`data-` attributes on
/// the elements they drive), never from string literals of their own.
struct UIStrings: Sendable, Encodable {
    // Numbering words: "Chapter 5", "Appendix A", "Figure 5.2", "Equation 5.1", "Exercise 3.2".
    var chapter = "Chapter"
    var appendix = "Appendix"
    var figure = "Figure"
    var table = "Table"
    var equation = "Equation"
    var section = "Section"
    var exercise = "Exercise"

    // The index page and the navigation.
    var preface = "Preface"
    var chaptersHeading = "Chapters"
    var appendicesHeading = "Appendices"

    // Exercises and their answers.
    var answer = "Answer"

    // Code blocks.
    var showCode = "Show code"
    var copy = "Copy"
    var copied = "Copied"
    var copyLabel = "Copy the code to the clipboard"

    // Wide figures on narrow screens.
    var enlargeFigure = "Enlarge the figure"
    var close = "Close"

    // The printed book.
    var contents = "Contents"

    static let english = UIStrings()

    /// "Figure 5.2 code": what a folded block's summary says when it has no caption or comment of
    /// its own but draws a numbered figure or table.
    func showCode(for float: String) -> String { "\(showCode): \(float)" }

    /// "✓ 1 claim verified", "✓ 12 claims verified", "✗ 2 of 12 claims failed".
    func claimsBadge(total: Int, failed: Int) -> String {
        failed == 0 ? "✓ " + counted(total, "claim", "claims") + " verified"
                    : "✗ \(failed) of " + counted(total, "claim", "claims") + " failed"
    }

    /// A count with its noun in the right number: "1 line", "40 lines".
    func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) " + (count == 1 ? singular : plural)
    }

    /// "Chapter 5" or "Appendix A".
    func title(of ordinal: ChapterOrdinal) -> String {
        switch ordinal {
        case .chapter: return "\(chapter) \(ordinal.label)"
        case .appendix: return "\(appendix) \(ordinal.label)"
        }
    }
}
