/// One `file:line:col: severity: message` line of swiftc's output (`-diagnostic-style llvm`).
struct CompilerDiagnostic: Equatable, Sendable {
    var file: String
    var line: Int
    var column: Int
    var severity: Diagnostic.Severity
    var message: String

    /// Every diagnostic in `output`, in order; lines that are source excerpts or carets are skipped.
    static func parse(_ output: String) -> [CompilerDiagnostic] {
        output.split(separator: "\n").compactMap(parseLine)
    }

    private static func parseLine(_ text: Substring) -> CompilerDiagnostic? {
        for severity in [Diagnostic.Severity.error, .warning, .note] {
            guard let marker = text.range(of: ": \(severity.rawValue): ") else { continue }
            let location = text[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            let message = String(text[marker.upperBound...])
            // `file:line:col`, where the file itself may contain colons.
            if location.count >= 3, let line = Int(location[location.count - 2]), let column = Int(location[location.count - 1]) {
                let file = location.dropLast(2).joined(separator: ":")
                return CompilerDiagnostic(file: file, line: line, column: column, severity: severity, message: message)
            }
            // `<unknown>:0: error: ...`: no usable location.
            let file = location.count == 2 && Int(location[1]) != nil ? String(location[0]) : String(text[..<marker.lowerBound])
            return CompilerDiagnostic(file: file, line: 0, column: 0, severity: severity, message: message)
        }
        if text.hasPrefix("error: ") {
            return CompilerDiagnostic(file: "", line: 0, column: 0, severity: .error, message: String(text.dropFirst(7)))
        }
        return nil
    }

    var description: String {
        line > 0 ? "\(file):\(line):\(column): \(severity.rawValue): \(message)" : "\(severity.rawValue): \(message)"
    }

    /// The diagnostic as a cell shows it.
    var cellOutput: CellOutput {
        .diagnostic(Diagnostic(severity: severity, message: message, line: line, column: column))
    }
}
