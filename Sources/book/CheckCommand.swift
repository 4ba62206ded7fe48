import ArgumentParser
import BookKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Type-check every chapter's program without running it and print every diagnostic.")

    @OptionGroup var locations: BookLocations
    @OptionGroup var parallel: ParallelJobs

    func run() throws {
        let start = Date()
        let layout = try locations.layout()
        let findings = try BookChecker(layout: layout, toolchain: try Toolchain.locate(), jobs: parallel.jobs).check()
        var errors = 0
        for finding in findings {
            for line in finding.diagnostics { print(line) }
            print("\(finding.sourcePath): \(finding.errorCount == 0 ? "ok" : "\(finding.errorCount) error(s)")")
            errors += finding.errorCount
        }
        print(String(format: "checked %d chapters in %.2f s, %d error(s)", findings.count, Date().timeIntervalSince(start), errors))
        if errors > 0 { throw ExitCode.failure }
    }
}
