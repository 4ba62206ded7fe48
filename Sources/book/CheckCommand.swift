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
        let checker = BookChecker(layout: layout, toolchain: try Toolchain.locate(), jobs: parallel.jobs)
        let findings = try checker.check()
        var errors = 0
        for finding in findings {
            for line in finding.diagnostics { print(line) }
            print("\(finding.sourcePath): \(finding.errorCount == 0 ? "ok" : BuildReport.counted(finding.errorCount, "error"))")
            errors += finding.errorCount
        }
        let citations = try checker.citationWarnings()
        for warning in citations.warnings { print(warning) }
        if !citations.notBuilt.isEmpty {
            print("not built yet, so their figures and tables were not checked for citations: "
                  + citations.notBuilt.joined(separator: ", "))
        }
        print("checked " + BuildReport.counted(findings.count, "chapter") + String(format: " in %.2f s, ", Date().timeIntervalSince(start))
              + BuildReport.counted(errors, "error") + ", " + BuildReport.counted(citations.warnings.count, "uncited figure or table", plural: "uncited figures or tables"))
        if errors > 0 { throw ExitCode.failure }
    }

}
