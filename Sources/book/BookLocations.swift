import ArgumentParser
import BookKit
import Foundation

/// `--chapters DIR` and `--output DIR`, shared by every subcommand, so a book outside this
/// repository builds too.
struct BookLocations: ParsableArguments {
    @Option(name: .long, help: "Folder of the chapter Markdown files.")
    var chapters: String = "chapters"

    @Option(name: .long, help: "Folder the HTML book is written to.")
    var output: String = "output"

    func layout() throws -> BookLayout {
        try Self.layout(chapters: chapters, output: output)
    }

    /// The layout of the book in `chapters`, written to `output` (relative to the current folder).
    static func layout(chapters: String, output: String) throws -> BookLayout {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let chaptersURL = URL(fileURLWithPath: chapters, relativeTo: base).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: chaptersURL.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("chapters folder '\(chapters)' not found (run from the book's folder or pass --chapters DIR)")
        }
        return BookLayout(chaptersDirectory: chaptersURL, outputDirectory: URL(fileURLWithPath: output, relativeTo: base))
    }
}

/// `--jobs N`: chapters compiled and run at the same time.
struct ParallelJobs: ParsableArguments {
    @Option(name: .long, help: "Chapters to compile and run at the same time (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}

/// Prints a build report's summary and turns failures into a non-zero exit status.
enum Summary {
    static func finish(_ report: BuildReport, reporter: ProgressReporter, seconds: Double) throws {
        for line in report.summaryLines { reporter.message(line) }
        reporter.message(String(format: "built in %.2f s", seconds))
        if !report.succeeded { throw ExitCode.failure }
    }
}
