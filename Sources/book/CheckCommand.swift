import ArgumentParser
import BookKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Type-check every chapter's program without running it and print every diagnostic; list stale and missing translations.")

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
            print("not built yet, so their figures and tables were not checked for citations, nor their output's text for translations: "
                  + citations.notBuilt.joined(separator: ", "))
        }
        errors += TranslationReport.print(try checker.translations())
        print("checked " + BuildReport.counted(findings.count, "chapter") + String(format: " in %.2f s, ", Date().timeIntervalSince(start))
              + BuildReport.counted(errors, "error") + ", " + BuildReport.counted(citations.warnings.count, "uncited figure or table", plural: "uncited figures or tables"))
        if errors > 0 { throw ExitCode.failure }
    }

}

/// `book check`'s list of translation findings, catalog by catalog.
enum TranslationReport {
    /// Prints the findings and returns how many are errors. A catalog with no translation yet is
    /// one line, not one line per unit.
    static func print(_ states: [TranslationStage.CatalogState]) -> Int {
        for state in states {
            let counts = "\(state.translated) translated, \(state.stale) stale, \(state.missing) missing"
            if state.translated == 0 && state.stale == 0 && state.errors.isEmpty {
                Swift.print("\(state.catalogPath): not translated yet (\(state.missing) units)\(state.exists ? "" : ", no catalog file")")
                continue
            }
            for finding in state.findings { Swift.print(finding) }
            Swift.print("\(state.catalogPath): \(counts)")
        }
        return states.flatMap(\.errors).count
    }
}
