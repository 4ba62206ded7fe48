/// Figures and tables are numbered per chapter in reading order: "Figure 5.2" is the second
/// figure of chapter 5, "Table A.1" the first table of appendix A (an unnumbered page gives
/// "Figure 2").
struct NumberedFloat: Equatable {
    enum Kind: String { case figure, table }
    var kind: Kind
    /// "5.2"
    var number: String
    /// The element id: the label when there is one (`fig-init-hist`), else `figure-2` / `table-1`.
    var id: String
    var label: String?
    var caption: String?
    /// Line of the cell that produced it, for error messages.
    var line: Int
    /// "Figure 5.2"
    var title: String
}

/// Where a figure or table sits: the cell's `index` and the position among the cell's outputs.
struct OutputKey: Hashable {
    var cell: Int
    var output: Int
}

enum FloatNumbering {
    /// Numbers every figure and table output of `chapter`. A figure takes its label and caption
    /// from the output, or else from the cell options (`//| label: fig-...`, `//| caption:`) when
    /// it is the cell's first figure; likewise tables with `tbl-` labels.
    /// Throws when two floats of the chapter share a label.
    static func number(_ chapter: WovenChapter, strings: UIStrings = .english) throws -> [OutputKey: NumberedFloat] {
        var result: [OutputKey: NumberedFloat] = [:]
        var counts: [NumberedFloat.Kind: Int] = [:]
        var labelLines: [String: Int] = [:]
        for cell in chapter.cells {
            var seenInCell: Set<NumberedFloat.Kind> = []
            for (position, output) in cell.outputs.enumerated() {
                let kind: NumberedFloat.Kind
                var label: String?
                var caption: String?
                switch output {
                case .figure(_, let c, let l, _): kind = .figure; label = l; caption = c
                case .table(_, let c, let l): kind = .table; label = l; caption = c
                default: continue
                }
                let prefix = kind == .figure ? "fig-" : "tbl-"
                if !seenInCell.contains(kind) {
                    if label == nil, let cellLabel = cell.label, cellLabel.hasPrefix(prefix) { label = cellLabel }
                    if caption == nil { caption = cell.caption }
                }
                seenInCell.insert(kind)
                let count = counts[kind, default: 0] + 1
                counts[kind] = count
                if let label {
                    if let previous = labelLines[label] {
                        throw BookError(stage: .render, file: chapter.sourcePath, line: cell.line,
                                          message: "duplicate label '\(label)' (already used by the block at line \(previous))")
                    }
                    labelLines[label] = cell.line
                }
                let number = ChapterNumbering.number(count, in: chapter)
                let id = label ?? "\(kind.rawValue)-\(count)"
                result[OutputKey(cell: cell.index, output: position)] =
                    NumberedFloat(kind: kind, number: number, id: id, label: label, caption: caption, line: cell.line,
                                  title: strings.numbered(kind == .figure ? .figure : .table, number))
            }
        }
        return result
    }
}

/// The numbers of things counted per chapter (floats, equations, sections, exercises): "5.2" in
/// chapter 5, "A.2" in appendix A, "2" on an unnumbered page.
enum ChapterNumbering {
    static func number(_ count: Int, in chapter: WovenChapter) -> String {
        chapter.ordinal.map { "\($0.label).\(count)" } ?? "\(count)"
    }
}
