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

    /// Writes `source` to `workDirectory/main.swift` and compiles it.
    func compile(_ source: String, moduleName: String, workDirectory: URL, mode: Mode) throws -> Result {
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        let sourceFile = workDirectory.appendingPathComponent("main.swift")
        try Data(source.utf8).write(to: sourceFile)
        let executable = workDirectory.appendingPathComponent("chapter")
        // Swift 5 language mode: chapter code is top-level teaching code, not a concurrency exercise.
        var arguments = ["-swift-version", "5", "-module-name", moduleName, "-diagnostic-style", "llvm",
                         "-I", toolchain.modulesDirectory.path]
        switch mode {
        case .typecheck:
            arguments += ["-typecheck", sourceFile.path]
        case .executable(let optimize):
            arguments += [optimize ? "-O" : "-Onone", "-g", sourceFile.path, "-o", executable.path]
            arguments += toolchain.objectFiles()
        }
        let run = try ProcessRunner.run(toolchain.swiftc, arguments: arguments, timeout: 600)
        let succeeded = run.exitStatus == 0 && !run.timedOut
        var diagnostics = CompilerDiagnostic.parse(run.output)
        // The driver's own "emit-module command failed with exit code 1" repeats what the located
        // errors already say.
        if diagnostics.contains(where: { $0.severity == "error" && $0.line > 0 }) {
            diagnostics.removeAll { $0.line == 0 && $0.message.contains("command failed with exit code") }
        }
        if !succeeded && !diagnostics.contains(where: { $0.severity == "error" }) {
            let reason = run.timedOut ? "the compiler timed out" : "swiftc failed: " + run.output.suffix(2000)
            diagnostics.append(CompilerDiagnostic(file: "", line: 0, column: 0, severity: "error", message: reason))
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
