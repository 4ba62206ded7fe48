/// Stage 3: joins a parsed chapter with its execution result into the `WovenChapter` the
/// renderer turns into a page.
///
/// Outputs are moved to the blocks' current lines (the result may come from the cache, recorded
/// before a prose edit moved the blocks), hidden parts are dropped per the block options, and a
/// figure or table without its own caption or label takes the block's.
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
            }
        }
        return WovenChapter(sourcePath: chapter.sourcePath, slug: chapter.slug, number: chapter.number,
                            title: chapter.title, summary: chapter.frontMatter.summary, items: items)
    }

    private func inlineValue(_ span: InlineSpan, result: ExecutionResult?) -> InlineValue {
        let text = result?.inlineTexts[span.id]
        let error = text == nil ? (result?.inlineErrors[span.id] ?? "not evaluated") : nil
        return InlineValue(id: span.id, expression: span.expression, line: span.line, text: text, error: error)
    }

    private func cell(_ block: CodeBlock, result: ExecutionResult?) -> WovenCell {
        var cell = WovenCell(index: block.index, language: block.language, code: block.code, line: block.line,
                             label: block.options.label, caption: block.options.caption, echo: block.options.echo)
        guard block.runs else {
            cell.status = .notEvaluated
            return cell
        }
        guard let stored = result?.cell(block.index) else {
            cell.status = .notRun
            return cell
        }
        let shift = block.line - (result?.blockLines[block.index] ?? block.line)
        cell.status = CellStatus(rawValue: stored.status) ?? .failed
        cell.outputs = adoptBlockCaption(stored.outputs.map { $0.woven(lineShift: shift) }, block: block)
        return cell
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
