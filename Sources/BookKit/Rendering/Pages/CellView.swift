import Plot

/// One code block of the chapter: its source (highlighted at build time), a status line when it did
/// not simply run, and its outputs in a visibly separate box below.
struct CellView {
    var sourcePath: String
    var outputs: OutputViews
    var strings: UIStrings { outputs.strings }

    static func id(_ cell: WovenCell) -> String { "cell-\(cell.index)" }

    func render(_ cell: WovenCell, claimIDs: inout ClaimNumbering) throws -> Node<HTML.BodyContext> {
        let outputNodes = try outputs.render(cell, claimIDs: &claimIDs)
        let isSwift = cell.language == "swift"
        return .div(.cls("cell status-\(cssStatus(cell.status))"), .id(Self.id(cell)),
            .if(cell.echo, .div(.cls("cell-source"),
                .div(.cls("cell-header"),
                     .span(.cls("cell-language"), .escaped(cell.language.isEmpty ? "text" : cell.language)),
                     .span(.cls("cell-line"), .escaped("\(sourcePath):\(cell.line)")),
                     .unwrap(statusLabel(cell)) { .span(.cls("cell-badge"), .text($0)) }),
                .pre(.cls("code"),
                     .code(.cls(cell.language.isEmpty ? "" : "language-\(cell.language)"),
                           isSwift ? .raw(SwiftHighlighter.html(cell.code)) : .escaped(cell.code))))),
            .if(!cell.echo && statusLabel(cell) != nil,
                .div(.cls("cell-header"), .unwrap(statusLabel(cell)) { .span(.cls("cell-badge"), .text($0)) })),
            .if(!outputNodes.isEmpty,
                .div(.cls("cell-output"), .attr("role", "group"), .attr("aria-label", strings.outputOfBlock(cell.line)),
                     .group(outputNodes)))
        )
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
