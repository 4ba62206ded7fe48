/// Every numbered figure and table should be cited in the text (`@fig-x`, `@tbl-x`), or the
/// reader never learns why it is there. This finds the ones nothing cites: no reference to their
/// label in any chapter's prose, caption or the preface; or no label at all, so nothing can.
public enum Citations {
    /// One warning per uncited float, in chapter and reading order. A chapter whose floats cannot
    /// be numbered (a duplicate label, which rendering reports as an error) is skipped.
    public static func uncitedFloats(in chapters: [WovenChapter], prefaceMarkdown: String = "") -> [BookWarning] {
        var cited = references(in: prefaceMarkdown, firstLine: 1)
        for chapter in chapters {
            for item in chapter.items {
                switch item {
                case .prose(let markdown, let line, _):
                    cited.formUnion(references(in: markdown, firstLine: line))
                case .cell(let cell):
                    cited.formUnion(references(in: cell.caption ?? "", firstLine: cell.line))
                    for output in cell.outputs {
                        switch output {
                        case .figure(_, let caption?, _, _), .table(_, let caption?, _):
                            cited.formUnion(references(in: caption, firstLine: cell.line))
                        default: break
                        }
                    }
                case .divOpen, .divClose:
                    break
                }
            }
        }
        var warnings: [BookWarning] = []
        for chapter in chapters {
            guard let floats = try? FloatNumbering.number(chapter) else { continue }
            for float in floats.sorted(by: { ($0.key.cell, $0.key.output) < ($1.key.cell, $1.key.output) }).map(\.value) {
                let reference = float.kind == .figure ? "@fig-" : "@tbl-"
                if let label = float.label {
                    guard !cited.contains(label) else { continue }
                    warnings.append(BookWarning(file: chapter.sourcePath, line: float.line,
                                                message: "\(float.title) (\(label)) is not cited: no @\(label) in the book's text"))
                } else {
                    warnings.append(BookWarning(file: chapter.sourcePath, line: float.line,
                                                message: "\(float.title) has no label, so the text cannot cite it "
                                                    + "(give its block `//| label: \(reference.dropFirst())...` and write \(reference)... in the text)"))
                }
            }
        }
        return warnings
    }

    private static func references(in markdown: String, firstLine: Int) -> Set<String> {
        guard markdown.contains("@") else { return [] }
        var labels: Set<String> = []
        for case .reference(let label, _) in ProtectedProse(markdown: markdown, firstLine: firstLine).spans {
            labels.insert(label)
        }
        return labels
    }
}
