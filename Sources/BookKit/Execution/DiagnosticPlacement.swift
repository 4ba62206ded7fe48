/// Attaches compiler diagnostics to the blocks (or inline values) whose lines they name, when the
/// chapter program did not compile. Warnings are left out of pages (`book check` prints them).
enum DiagnosticPlacement {
    static func place(_ diagnostics: [CompilerDiagnostic], chapter: ParsedChapter, blocks: [CodeBlock],
                      into result: inout ExecutionResult) {
        var perBlock: [Int: [CellOutput]] = [:]
        for diagnostic in diagnostics where diagnostic.severity != .warning {
            if diagnostic.file == chapter.sourcePath,
               let block = blocks.first(where: { ($0.line...$0.endLine).contains(diagnostic.line) }) {
                perBlock[block.index, default: []].append(diagnostic.cellOutput)
            } else if diagnostic.file == chapter.sourcePath,
                      let span = chapter.inlines.first(where: { $0.line == diagnostic.line }) {
                if diagnostic.severity == .error, result.inlineErrors[span.id] == nil {
                    result.inlineErrors[span.id] = diagnostic.message
                }
                if diagnostic.severity == .error { result.chapterErrors.append(terminalLine(diagnostic, chapter: chapter)) }
            } else if diagnostic.severity == .error {
                result.chapterErrors.append(terminalLine(diagnostic, chapter: chapter))
            }
        }
        for block in blocks {
            let outputs = perBlock[block.index] ?? []
            let failed = outputs.contains { if case .diagnostic(let diagnostic) = $0 { diagnostic.severity == .error } else { false } }
            result.setCell(block.index, status: failed ? .failed : .notRun, outputs: failed ? outputs : [])
        }
        for span in chapter.inlines where result.inlineErrors[span.id] == nil {
            result.inlineErrors[span.id] = "not evaluated: the chapter did not compile"
        }
    }

    private static func terminalLine(_ diagnostic: CompilerDiagnostic, chapter: ParsedChapter) -> String {
        diagnostic.line > 0 ? "\(diagnostic.file):\(diagnostic.line): \(diagnostic.message)" : "\(chapter.sourcePath): \(diagnostic.message)"
    }
}
