import ArgumentParser
import BookKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the whole book into the output folder; unchanged chapters come from the cache.")

    @OptionGroup var locations: BookLocations
    @OptionGroup var parallel: ParallelJobs

    @Flag(name: .long, help: "Re-run every chapter, ignoring the cache.")
    var force = false

    func run() throws {
        let start = Date()
        let layout = try locations.layout()
        let toolchain = try Toolchain.locate()
        let reporter = ProgressReporter(total: try layout.chapterFiles().count)
        let builder = BookBuilder(layout: layout, toolchain: toolchain,
                                  options: .init(jobs: parallel.jobs, force: force), reporter: reporter)
        try Summary.finish(try builder.build(), reporter: reporter, seconds: Date().timeIntervalSince(start))
    }
}
