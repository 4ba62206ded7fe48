import BookWire
import Plot

/// HTML for the records a cell produced, in the order they were produced.
struct OutputViews {
    var sourcePath: String
    var floats: [OutputKey: NumberedFloat]
    var prose: ProseHTML
    var strings = UIStrings.english
    /// Outputs longer than this many lines are folded into a `<details>`.
    static let foldLineCount = 25

    /// Consecutive `.text` records are one stream of printed output and are shown as one block.
    func render(_ cell: WovenCell, claimIDs: inout ClaimNumbering) throws -> [Node<HTML.BodyContext>] {
        var nodes: [Node<HTML.BodyContext>] = []
        var pendingText = ""
        func flushText() {
            if !pendingText.isEmpty { nodes.append(Self.textBlock(pendingText, cssClass: "output-stream", strings: strings)) }
            pendingText = ""
        }
        for (position, output) in cell.outputs.enumerated() {
            if case .text(let text) = output { pendingText += text; continue }
            flushText()
            switch output {
            case .text: break
            case .value(let text):
                nodes.append(Self.textBlock(text, cssClass: "output-value", strings: strings))
            case .figure(let svg, _, _, let alt):
                nodes.append(try figure(svg: svg, alt: alt, float: float(cell, position)))
            case .table(let html, _, _):
                nodes.append(try table(html: html, float: float(cell, position)))
            case .claim(let claim):
                nodes.append(Self.claim(claim, id: claimIDs.next(), strings: strings))
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
    static func textBlock(_ text: String, cssClass: String, strings: UIStrings = .english) -> Node<HTML.BodyContext> {
        let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
        let lineCount = trimmed.split(separator: "\n", omittingEmptySubsequences: false).count
        guard lineCount > foldLineCount else {
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
    ///
    /// A chart whose text would shrink below legibility on a phone says so with `data-min-width`
    /// on its root (the width in CSS px at which its smallest text is 9 px): it is then never drawn
    /// narrower than that, its body scrolls sideways on a narrow screen (with the scroll cue of
    /// `content.css`), and a button, shown by `book.js`, enlarges it to the whole screen.
    private func figure(svg: String, alt: String, float: NumberedFloat) throws -> Node<HTML.BodyContext> {
        let minimumWidth = Self.minimumWidth(ofSVG: svg)
        return .element(named: "figure", nodes: [
            .cls(minimumWidth == nil ? "figure" : "figure wide"), .id(float.id),
            .div(.cls("figure-body"), .attr("role", "img"), .attr("aria-label", alt.isEmpty ? float.title : alt),
                 .unwrap(minimumWidth) { .attr("style", "--figure-min-width:\($0)px") },
                 .raw(svg)),
            .unwrap(minimumWidth) { _ in
                .button(.cls("figure-enlarge"), .attr("type", "button"), .attribute(named: "hidden"),
                        .attr("aria-label", strings.enlargeFigure), .attr("title", strings.enlargeFigure),
                        .attr("data-close", strings.close), .span(.attr("aria-hidden", "true"), .text("⤢")))
            },
            try caption(float),
        ])
    }

    /// The `data-min-width` of the SVG's root element, when it has a plain number there.
    static func minimumWidth(ofSVG svg: String) -> String? {
        guard let start = svg.range(of: "<svg"), let end = svg[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = svg[start.upperBound..<end]
        guard let attribute = tag.range(of: " data-min-width=\""),
              let close = tag[attribute.upperBound...].firstIndex(of: "\"") else { return nil }
        let value = String(tag[attribute.upperBound..<close])
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), Double(value) != nil else { return nil }
        return value
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
            .div(.cls("table-scroll"), .raw(NumericCells.mark(html))),
        ])
    }

    static func claim(_ claim: Claim, id: String, strings: UIStrings = .english) -> Node<HTML.BodyContext> {
        .div(.cls(claim.passed ? "claim passed" : "claim failed"), .id(id),
             .span(.cls("claim-mark"), .attr("aria-hidden", "true"), .text(claim.passed ? "✓" : "✗")),
             .span(.cls("visually-hidden"), .text(claim.passed ? strings.verifiedPrefix : strings.failedPrefix)),
             .span(.cls("claim-text"), .escaped(claim.text)),
             .unwrap(claim.detail) { detail(of: $0, strings: strings) })
    }

    /// The runtime writes "observed 7.4%, expected < 15.0%": shown as its two halves, each kept on
    /// one line so a number never breaks inside; any other detail as it is.
    static func detail(of text: String, strings: UIStrings = .english) -> Node<HTML.BodyContext> {
        guard let (observed, expected) = ClaimDetail.parse(text) else {
            return .span(.cls("claim-detail"), .escaped(text))
        }
        return .span(.cls("claim-detail"),
                     .span(.cls("claim-observed"), .text(strings.observed + " "), .span(.cls("claim-value"), .escaped(observed))),
                     .text(" "),
                     .span(.cls("claim-expected"), .text(strings.expected + " "), .span(.cls("claim-value"), .escaped(expected))))
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
