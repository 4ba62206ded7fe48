import Foundation

/// A chapter's prose, Markdown to HTML: protect math and references, run cmark-gfm, then put math,
/// reference links and inline values back into the HTML.
struct ProseHTML {
    /// Chapter file, for error messages.
    var sourcePath: String
    var references: ReferenceTable
    /// Name of the page being rendered, so a reference into it is a plain `#fragment`.
    var pageName: String
    /// Numbers of the chapter's labelled equations: `eq-xavier` -> "5.2".
    var equationNumbers: [String: String] = [:]

    /// Renders one prose run that starts at `firstLine` of the chapter file.
    func render(markdown: String, firstLine: Int, inlineValues: [InlineValue] = []) throws -> String {
        let protected = ProtectedProse(markdown: markdown, firstLine: firstLine)
        var html = CmarkHTML.render(protected.markdown)
        html = try restore(protected.spans, in: html)
        html = try InlineValueHTML.substitute(inlineValues, in: html, sourcePath: sourcePath, firstLine: firstLine)
        return NumericCells.mark(html)
    }

    /// A caption or one-line text: the same Markdown dialect without the enclosing paragraph.
    func renderInline(_ markdown: String, line: Int) throws -> String {
        var html = try render(markdown: markdown, firstLine: line)
        html = html.trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") && html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    private func restore(_ spans: [ProtectedSpan], in html: String) throws -> String {
        // A display formula that is a paragraph of its own becomes a block: `<p>TOKEN</p>` -> div.
        var html = html
        for (index, span) in spans.enumerated() {
            guard case .displayMath(let tex, let label, let line) = span else { continue }
            html = html.replacingOccurrences(of: "<p>\(ProtectedProse.token(index))</p>",
                                             with: try displayMath(tex, label: label, line: line, wholeParagraph: true))
        }
        return try TokenReplacer.replace(in: html, prefix: ProtectedProse.tokenPrefix) { index in
            guard index < spans.count else { return nil }
            switch spans[index] {
            case .inlineMath(let tex): return MathHTML.inline(tex)
            case .displayMath(let tex, let label, let line):
                return try displayMath(tex, label: label, line: line, wholeParagraph: false)
            case .reference(let label, let line):
                guard let target = references.target(for: label) else {
                    throw BookError(stage: .render, file: sourcePath, line: line, message: references.unknownMessage(label))
                }
                let href = target.page == pageName ? "#\(target.id)" : "\(target.page)#\(target.id)"
                return "<a class=\"xref\" href=\"\(HTMLEscaping.attribute(href))\">\(HTMLEscaping.text(target.text))</a>"
            }
        }
    }

    /// A display formula, numbered when it has a label (the chapter's labels were numbered before
    /// any page rendered, see `ChapterLabels`).
    private func displayMath(_ tex: String, label: String?, line: Int, wholeParagraph: Bool) throws -> String {
        guard let label else { return MathHTML.display(tex, wholeParagraph: wholeParagraph) }
        guard let number = equationNumbers[label] else {
            throw BookError(stage: .render, file: sourcePath, line: line,
                            message: "equation label '\(label)' was not numbered (internal: the label pass missed it)")
        }
        return MathHTML.numbered(tex, id: label, number: number, wholeParagraph: wholeParagraph)
    }
}
