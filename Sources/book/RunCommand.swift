import ArgumentParser
import BookKit
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Re-execute one chapter regardless of the cache and re-render the book's pages.",
        discussion: "Other chapters come from the cache; any whose source, data or engine changed since the last build run too, so every page stays consistent.")

    @Argument(help: "The chapter: a path, a file name, or a number prefix such as 05.")
    var chapter: String

    @OptionGroup var locations: BookLocations

    func run() throws {
        let start = Date()
        let layout = try locations.layout()
        let file = try layout.resolveChapter(chapter)
        let toolchain = try Toolchain.locate()
        let reporter = ProgressReporter(total: try layout.chapterFiles().count)
        let options = BookBuilder.Options(forceChapters: [ChapterFile.slug(of: file.path)])
        let builder = BookBuilder(layout: layout, toolchain: toolchain, options: options, reporter: reporter)
        try Summary.finish(try builder.build(), reporter: reporter, seconds: Date().timeIntervalSince(start))
    }
}
