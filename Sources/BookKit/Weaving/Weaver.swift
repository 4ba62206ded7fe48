/// Stage 3: joins a parsed chapter with its execution result into the `WovenChapter` the
/// renderer turns into a page.
///
/// Outputs are moved to the blocks' current lines (the result may come from the cache, recorded
/// before a prose edit moved the blocks), hidden parts are dropped per the block options
/// (`output: false`), and a figure or table without its own caption or label takes the block's.
/// Presentation options act here, not in the chapter program, so editing them re-runs nothing.
public struct Weaver {
    public init() {}

    public func weave(_ chapter: ParsedChapter, result: ExecutionResult?) -> WovenChapter {
        let items = chapter.parts.map { part -> WovenItem in
            switch part {
            case .prose(let markdown, let line, let ids):
                let values = ids.compactMap { id -> InlineValue? in
                    guard let span = chapter.inlines.first(where: { $0.id == id }) else { return nil }
                    return inlineValue(span, result: result)
                }
                return .prose(markdown: markdown, line: line, inlineValues: values)
            case .block(let block):
                return .cell(cell(block, result: result))
            case .divOpen(let div):
                return .divOpen(div)
            case .divClose(let line):
                return .divClose(line: line)
            }
        }
        var woven = WovenChapter(sourcePath: chapter.sourcePath, slug: chapter.slug, ordinal: chapter.ordinal,
                                 title: chapter.title, summary: chapter.frontMatter.summary,
                                 codeFold: chapter.frontMatter.codeFold, items: items)
        woven.titleLine = chapter.frontMatter.titleLine
        woven.summaryLine = chapter.frontMatter.summaryLine
        return woven
    }

    private func inlineValue(_ span: InlineSpan, result: ExecutionResult?) -> InlineValue {
        let text = result?.inlineTexts[span.id]
        let error = text == nil ? (result?.inlineErrors[span.id] ?? "not evaluated") : nil
        return InlineValue(id: span.id, expression: span.expression, line: span.line, text: text, error: error)
    }

    private func cell(_ block: CodeBlock, result: ExecutionResult?) -> WovenCell {
        var cell = WovenCell(index: block.index, language: block.language, code: block.code, line: block.line,
                             label: block.options.label, caption: block.options.caption, echo: block.options.echo,
                             codeFold: block.options.codeFold)
        guard block.runs else {
            cell.status = .notEvaluated
            return cell
        }
        guard let stored = result?.cell(block.index) else {
            cell.status = .notRun
            return cell
        }
        let shift = block.line - (result?.blockLines[block.index] ?? block.line)
        cell.status = stored.status
        let shown = block.options.output ? stored.outputs : stored.outputs.filter(Self.alwaysShown)
        cell.outputs = adoptBlockCaption(shown.map { $0.movingLines(by: shift) }, block: block)
        return cell
    }

    /// With `output: false`, claims, errors and notices still show: a failed claim must be visible.
    private static func alwaysShown(_ output: CellOutput) -> Bool {
        switch output {
        case .claim, .error, .notice, .diagnostic: return true
        default: return false
        }
    }

    /// The block's `caption`/`label` options describe its first figure or table shown with
    /// neither (typically the block's last expression).
    private func adoptBlockCaption(_ outputs: [CellOutput], block: CodeBlock) -> [CellOutput] {
        var adopted = false
        return outputs.map { output in
            guard !adopted else { return output }
            switch output {
            case .figure(let svg, nil, nil, let alt):
                adopted = true
                return .figure(svg: svg, caption: block.options.caption, label: block.options.label, alt: alt)
            case .table(let html, nil, nil):
                adopted = true
                return .table(html: html, caption: block.options.caption, label: block.options.label)
            default:
                return output
            }
        }
    }
}

extension CellOutput {
    /// The output with its chapter lines moved by `shift` (the block moved since the run).
    func movingLines(by shift: Int) -> CellOutput {
        guard shift != 0 else { return self }
        switch self {
        case .claim(var claim):
            claim.line = claim.line.map { $0 + shift }
            return .claim(claim)
        case .diagnostic(var diagnostic):
            diagnostic.line += shift
            return .diagnostic(diagnostic)
        case .error(let message, let line):
            return .error(message: message, line: line.map { $0 + shift })
        case .text, .value, .table, .figure, .notice:
            return self
        }
    }
}
