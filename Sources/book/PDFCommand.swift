import ArgumentParser
import BookKit
import Foundation

struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print the whole book to one PDF with headless Chromium: title page, contents with page numbers, chapters, appendices.",
        discussion: "Builds the book first, as `book build` does (cached chapters are not run again; the HTML site is brought up to date). Needs Chromium and poppler-utils' pdfinfo (`make pdf` installs them).")

    @Option(name: .long, help: "Folder of the chapter Markdown files.")
    var chapters: String = "chapters"

    @Option(name: .long, help: "The PDF file to write.")
    var output: String = "book.pdf"

    @Option(name: .long, help: "Folder the HTML book is written to (as `book build --output`).")
    var site: String = "output"

    @Flag(name: .long, help: "Show folded code expanded instead of folded as on screen.")
    var expandCode = false

    @OptionGroup var parallel: ParallelJobs

    func run() throws {
        let start = Date()
        let layout = try BookLocations.layout(chapters: chapters, output: site)
        let reporter = ProgressReporter(total: try layout.chapterFiles().count)
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let file = URL(fileURLWithPath: output, relativeTo: base).standardizedFileURL
        let printer = BookPrinter(layout: layout, toolchain: try Toolchain.locate(),
                                  options: .init(output: file, expandCode: expandCode), jobs: parallel.jobs, reporter: reporter)
        let report = try printer.print()
        for line in report.build.summaryLines { reporter.message(line) }
        reporter.message(String(format: "wrote %@: %d pages, %.1f MB, %d printing passes, in %.1f s", file.path, report.pageCount,
                                Double(report.bytes) / 1_000_000, report.passes, Date().timeIntervalSince(start)))
        if !report.build.succeeded { throw ExitCode.failure }
    }
}
