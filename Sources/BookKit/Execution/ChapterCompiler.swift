import Foundation

/// Stage 2b: compiles a generated chapter program with swiftc against the engine and runtime.
struct ChapterCompiler {
    enum Mode { case typecheck, executable(optimize: Bool) }

    struct Result {
        var succeeded: Bool
        var diagnostics: [CompilerDiagnostic]
        var executable: URL?
    }

    var toolchain: Toolchain

    /// Debug information for chapter programs: line tables only. Crash reports need file and
    /// line, never variables. Measured on chapter 5's program (2026-11-30, three alternating runs
    /// on the 2-core machine): 0.67 s of compiler CPU instead of 0.89 s with full `-g`.
    static let debugInfo = "-gline-tables-only"

    /// Writes the program to `workDirectory/main.swift` and compiles it. Diagnostics in the
    /// chapter file get the columns the author wrote (the generator's wrappers removed).
    /// Throws `RunCancelled` when `cancellation` stopped the compiler.
    func compile(_ program: ProgramGenerator.Program, sourcePath: String, workDirectory: URL, mode: Mode,
                 cancellation: RunCancellation? = nil) throws -> Result {
        let moduleName = Self.moduleName(for: sourcePath)
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        let sourceFile = workDirectory.appendingPathComponent("main.swift")
        try Data(program.source.utf8).write(to: sourceFile)
        let executable = workDirectory.appendingPathComponent("chapter")
        // Swift 5 language mode: chapter code is top-level teaching code, not a concurrency exercise.
        var arguments = ["-swift-version", "5", "-module-name", moduleName, "-diagnostic-style", "llvm",
                         "-I", toolchain.modulesDirectory.path]
        switch mode {
        case .typecheck:
            arguments += ["-typecheck", sourceFile.path]
        case .executable(let optimize):
            arguments += [optimize ? "-O" : "-Onone", Self.debugInfo, sourceFile.path, "-o", executable.path]
            arguments += toolchain.objectFiles()
        }
        let deadline = Date().addingTimeInterval(600)
        let run = try ProgramRunner.run(toolchain.swiftc, arguments: arguments,
                                        shouldStop: { Date() > deadline || cancellation?.isCancelled == true })
        if run.stopped, cancellation?.isCancelled == true { throw RunCancelled() }
        let succeeded = run.exitStatus == 0 && !run.stopped
        var diagnostics = CompilerDiagnostic.parse(run.output).map { diagnostic in
            guard diagnostic.file == sourcePath else { return diagnostic }
            var mapped = diagnostic
            mapped.column = program.columns.originalColumn(line: diagnostic.line, column: diagnostic.column)
            return mapped
        }
        // The driver's own "emit-module command failed with exit code 1" repeats what the located
        // errors already say.
        if diagnostics.contains(where: { $0.severity == .error && $0.line > 0 }) {
            diagnostics.removeAll { $0.line == 0 && $0.message.contains("command failed with exit code") }
        }
        if !succeeded && !diagnostics.contains(where: { $0.severity == .error }) {
            let reason = run.stopped ? "the compiler timed out" : "swiftc failed: " + run.output.suffix(2000)
            diagnostics.append(CompilerDiagnostic(file: "", line: 0, column: 0, severity: .error, message: reason))
        }
        let built: URL?
        if case .executable = mode, succeeded { built = executable } else { built = nil }
        return Result(succeeded: succeeded, diagnostics: diagnostics, executable: built)
    }

    /// Module name for the program: `#fileID` (used in `fatalError` messages) is `module/file`, so
    /// naming the module after the chapters folder makes a trap read `chapters/x.md:LINE`.
    static func moduleName(for sourcePath: String) -> String {
        let folder = sourcePath.split(separator: "/").dropLast().last.map(String.init) ?? "chapters"
        let valid = !folder.isEmpty && folder.first!.isLetter
            && folder.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return valid ? folder : "chapters"
    }
}
