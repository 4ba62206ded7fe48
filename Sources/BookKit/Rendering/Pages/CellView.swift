import Plot

/// One code block of the chapter: its source (highlighted at build time, one element per line so
/// long lines wrap with a hanging indent, with a copy button), folded under a one-line summary
/// when the block, its chapter or the book asks for it, a status line when it did not simply run,
/// and its outputs in a visibly separate box below, never folded.
struct CellView {
    var sourcePath: String
    var outputs: OutputViews
    var prose: ProseHTML
    /// The chapter's (else the book's) `code-fold`, for blocks without their own.
    var defaultFold = false
    var strings = UIStrings.english

    static func id(_ cell: WovenCell) -> String { "cell-\(cell.index)" }

    func render(_ cell: WovenCell, claimIDs: inout ClaimNumbering) throws -> Node<HTML.BodyContext> {
        let outputNodes = try outputs.render(cell, claimIDs: &claimIDs)
        let source: Node<HTML.BodyContext>
        if cell.codeFold ?? defaultFold {
            let summary = try foldSummary(cell)
            source = .details(.cls("code-fold"), .summary(.span(.cls("code-fold-text"), .raw(summary))), sourceNode(cell))
        } else {
            source = sourceNode(cell)
        }
        return .div(.cls("cell status-\(cssStatus(cell.status))"), .id(Self.id(cell)),
            .if(cell.echo, source),
            .if(!cell.echo && statusLabel(cell) != nil,
                .div(.cls("cell-header"), .unwrap(statusLabel(cell)) { .span(.cls("cell-badge"), .text($0)) })),
            .if(!outputNodes.isEmpty,
                .div(.cls("cell-output"), .attr("role", "group"), .attr("aria-label", strings.outputOfBlock(cell.line)),
                     .group(outputNodes)))
        )
    }

    private func sourceNode<Context: HTML.BodyContext>(_ cell: WovenCell) -> Node<Context> {
        let isSwift = cell.language == "swift"
        let code = isSwift ? SwiftHighlighter.html(cell.code) : HTMLEscaping.text(cell.code)
        return .div(.cls("cell-source"),
            .div(.cls("cell-header"),
                 .span(.cls("cell-language"), .escaped(cell.language.isEmpty ? "text" : cell.language)),
                 .span(.cls("cell-line"), .escaped("\(sourcePath):\(cell.line)")),
                 .unwrap(statusLabel(cell)) { .span(.cls("cell-badge"), .text($0)) },
                 // Hidden until book.js, which does the copying, shows it.
                 .button(.cls("copy-code"), .attr("type", "button"), .attribute(named: "hidden"),
                         .attr("aria-label", strings.copyLabel), .attr("data-copied", strings.copied),
                         .escaped(strings.copy))),
            .pre(.cls("code"),
                 .code(.cls(cell.language.isEmpty ? "" : "language-\(cell.language)"), .raw(CodeLines.html(code)))))
    }

    /// What a folded block says about itself: its caption, else its first comment line (both
    /// with their references resolved), else the figure or table it draws, else "Show code".
    func foldSummary(_ cell: WovenCell) throws -> String {
        if let caption = cell.caption {
            return try prose.renderInline(caption, line: cell.line)
        }
        if let comment = Self.firstComment(cell.code) {
            // Through the prose renderer, as a caption is: "Checks on @tbl-cost" names its table
            // ("Table 2.1") and links to it instead of showing the label.
            return try prose.renderInline(comment, line: cell.line)
        }
        if let float = outputs.floats.filter({ $0.key.cell == cell.index }).min(by: { $0.key.output < $1.key.output })?.value {
            return HTMLEscaping.text(strings.showCode(for: float.title))
        }
        return HTMLEscaping.text(strings.showCode)
    }

    /// The text of the code's first line when it is a `//` or `///` comment.
    static func firstComment(_ code: String) -> String? {
        guard let first = code.split(separator: "\n").first(where: { !$0.trimmingSpaces().isEmpty }) else { return nil }
        let trimmed = first.trimmingSpaces()
        guard trimmed.hasPrefix("//") else { return nil }
        let text = trimmed.drop(while: { $0 == "/" }).trimmingSpaces()
        return text.isEmpty ? nil : text
    }

    private func cssStatus(_ status: CellStatus) -> String {
        switch status {
        case .ok: return "ok"
        case .failed: return "failed"
        case .expectedError: return "expected-error"
        case .unexpectedSuccess: return "unexpected-success"
        case .notRun: return "not-run"
        case .notEvaluated: return "not-evaluated"
        }
    }

    /// Shown only when the block did something other than run normally.
    private func statusLabel(_ cell: WovenCell) -> String? {
        switch cell.status {
        case .ok: return nil
        case .failed: return strings.statusFailed
        case .expectedError: return strings.statusExpectedError
        case .unexpectedSuccess: return strings.statusUnexpectedSuccess
        case .notRun: return strings.statusNotRun
        case .notEvaluated: return cell.language == "swift" ? strings.statusNotEvaluated : nil
        }
    }
}
