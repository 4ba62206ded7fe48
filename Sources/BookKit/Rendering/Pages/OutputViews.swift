import Plot

/// HTML for the records a cell produced, in the order they were produced.
struct OutputViews {
    var sourcePath: String
    var floats: [OutputKey: NumberedFloat]
    var prose: ProseHTML
    var strings: UIStrings
    /// Outputs longer than this many lines are folded into a `<details>`.
    static let foldLineCount = 25

    /// Consecutive `.text` records are one stream of printed output and are shown as one block.
    func render(_ cell: WovenCell, claimIDs: inout ClaimNumbering) throws -> [Node<HTML.BodyContext>] {
        var nodes: [Node<HTML.BodyContext>] = []
        var pendingText = ""
        func flushText() {
            if !pendingText.isEmpty { nodes.append(textBlock(pendingText, cssClass: "output-stream")) }
            pendingText = ""
        }
        for (position, output) in cell.outputs.enumerated() {
            if case .text(let text) = output { pendingText += text; continue }
            flushText()
            switch output {
            case .text: break
            case .value(let text):
                nodes.append(textBlock(text, cssClass: "output-value"))
            case .figure(let svg, _, _, let alt):
                nodes.append(try figure(svg: svg, alt: alt, float: float(cell, position)))
            case .table(let html, _, _):
                nodes.append(try table(html: html, float: float(cell, position)))
            case .claim(let claim):
                nodes.append(claimNode(claim, id: claimIDs.next()))
            case .diagnostic(let diagnostic):
                nodes.append(diagnosticNode(diagnostic))
            case .error(let message, let line):
                nodes.append(errorNode(message: message, line: line, expected: cell.status == .expectedError))
            case .notice(let text):
                nodes.append(.p(.cls("output-notice"), .span(.attr("aria-hidden", "true"), .text("ℹ ")), .escaped(text)))
            }
        }
        flushText()
        return nodes
    }

    private func float(_ cell: WovenCell, _ position: Int) -> NumberedFloat {
        guard let float = floats[OutputKey(cell: cell.index, output: position)] else {
            fatalError("figure/table at cell \(cell.index) output \(position) was not numbered")
        }
        return float
    }

    /// Printed text, escaped; folded when long so a training log does not bury the prose.
    func textBlock(_ text: String, cssClass: String) -> Node<HTML.BodyContext> {
        let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
        let lineCount = trimmed.split(separator: "\n", omittingEmptySubsequences: false).count
        guard lineCount > Self.foldLineCount else {
            return .pre(.cls("output \(cssClass)"), .code(.escaped(trimmed)))
        }
        return .details(.cls("output-fold"),
                        .summary(.text(strings.foldedOutput(lineCount))),
                        .pre(.cls("output \(cssClass)"), .code(.escaped(trimmed))))
    }

    private func caption(_ float: NumberedFloat) throws -> Node<HTML.BodyContext> {
        let captionHTML = try float.caption.map { try prose.renderInline($0, line: float.line) }
        return .element(named: "figcaption", nodes: [
            .span(.cls("float-number"), .text(float.title + (captionHTML == nil ? "" : strings.captionColon))),
            .unwrap(captionHTML) { .raw(strings.captionGap + $0) },
        ])
    }

    /// The SVG comes from the Plotting module, which escapes its text; `role="img"` with the alt
    /// text gives screen readers one description instead of a walk through SVG shapes.
    private func figure(svg: String, alt: String, float: NumberedFloat) throws -> Node<HTML.BodyContext> {
        .element(named: "figure", nodes: [
            .cls("figure"), .id(float.id),
            .div(.cls("figure-body"), .attr("role", "img"), .attr("aria-label", alt.isEmpty ? float.title : alt), .raw(svg)),
            try caption(float),
        ])
    }

    /// Table captions go above the table, as is usual in print.
    /// The Plotting module writes its own `<caption>`; the numbered `figcaption` replaces it
    /// (and takes its text when the output has no caption of its own).
    private func table(html: String, float: NumberedFloat) throws -> Node<HTML.BodyContext> {
        var float = float
        var html = html
        if let open = html.range(of: "<caption>"), let close = html.range(of: "</caption>"), open.upperBound <= close.lowerBound {
            if float.caption == nil {
                float.caption = HTMLEscaping.plainText(ofHTML: String(html[open.upperBound..<close.lowerBound]))
            }
            html.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return .element(named: "figure", nodes: [
            .cls("table"), .id(float.id),
            try caption(float),
            .div(.cls("table-scroll"), .raw(html)),
        ])
    }

    func claimNode(_ claim: Claim, id: String) -> Node<HTML.BodyContext> {
        .div(.cls(claim.passed ? "claim passed" : "claim failed"), .id(id),
             .span(.cls("claim-mark"), .attr("aria-hidden", "true"), .text(claim.passed ? "✓" : "✗")),
             .span(.cls("visually-hidden"), .text(claim.passed ? strings.verifiedPrefix : strings.failedPrefix)),
             .span(.cls("claim-text"), .escaped(claim.text)),
             .unwrap(claim.detail) { .span(.cls("claim-detail"), .escaped(strings.claimDetail($0))) })
    }

    private func diagnosticNode(_ d: Diagnostic) -> Node<HTML.BodyContext> {
        .div(.cls("diagnostic \(d.severity.rawValue)"),
             .span(.cls("diagnostic-location"), .escaped("\(sourcePath):\(d.line):\(d.column)")),
             .span(.cls("diagnostic-severity"), .text(d.severity.rawValue + ":")),
             .span(.cls("diagnostic-message"), .escaped(d.message)))
    }

    private func errorNode(message: String, line: Int?, expected: Bool) -> Node<HTML.BodyContext> {
        .div(.cls(expected ? "cell-error expected" : "cell-error"),
             .p(.cls("cell-error-title"),
                .strong(.text(expected ? strings.expectedErrorTitle : strings.errorTitle)),
                .unwrap(line) { .span(.cls("diagnostic-location"), .escaped(strings.errorLocation("\(sourcePath):\($0)"))) }),
             .pre(.code(.escaped(message))))
    }
}

/// Claim ids in reading order: `claim-1`, `claim-2`, ... shared by the cells and the summary.
struct ClaimNumbering {
    private(set) var count = 0
    mutating func next() -> String {
        count += 1
        return "claim-\(count)"
    }
}
