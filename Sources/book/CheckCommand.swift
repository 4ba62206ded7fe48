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
        let findings = try BookChecker(layout: layout, toolchain: try Toolchain.locate(), jobs: parallel.jobs).check()
        var errors = 0
        for finding in findings {
            for line in finding.diagnostics { print(line) }
            print("\(finding.sourcePath): \(finding.errorCount == 0 ? "ok" : "\(finding.errorCount) error(s)")")
            errors += finding.errorCount
        }
        let translations = try BookChecker(layout: layout, toolchain: try Toolchain.locate(), jobs: parallel.jobs).translations()
        errors += TranslationReport.print(translations.states, notBuilt: translations.notBuilt)
        print(String(format: "checked %d chapters in %.2f s, %d error(s)", findings.count, Date().timeIntervalSince(start), errors))
        if errors > 0 { throw ExitCode.failure }
    }
}

/// `book check`'s list of translation findings, catalog by catalog.
enum TranslationReport {
    /// Prints the findings and returns how many are errors. A catalog with no translation yet is
    /// one line, not one line per unit.
    static func print(_ states: [TranslationStage.CatalogState], notBuilt: [String]) -> Int {
        for path in notBuilt {
            Swift.print("\(path): not built yet: the text of its outputs (captions, claims, charts) is not checked; run `book build`")
        }
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
