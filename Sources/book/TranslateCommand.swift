import ArgumentParser
import BookKit
import Foundation

struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Refresh the translation catalogs (chapters/<language>/*.po) after the source changed, or show how far each translation is.",
        discussion: """
            --update merges every catalog with the source's current text: translations are kept, a changed unit's \
            translation is marked fuzzy (stale) with the text it was made for (#| msgid), new units are added with an \
            empty msgstr, and units that are gone become obsolete (#~). The text chapter programs output (captions, \
            claims, chart and table text) comes from their runs: chapters whose cache is stale run first, as in `book build`.
            """)

    @OptionGroup var locations: BookLocations
    @OptionGroup var parallel: ParallelJobs

    @Flag(name: .long, help: "Merge every catalog with the current source text and write the ones that changed.")
    var update = false

    @Flag(name: .long, help: "Print translated, stale and missing units per catalog.")
    var stats = false

    @Option(name: .long, help: "Only this language (a code such as zh); with --update, starts its catalogs if it has none.")
    var lang: String?

    func validate() throws {
        guard update || stats else { throw ValidationError("say what to do: --update, --stats, or both") }
        if let lang, Language.named(lang) == nil || lang == Language.source.code {
            throw ValidationError("--lang \(lang): not a language the book can be translated into (known: "
                                  + Language.known.filter { $0 != Language.source }.map(\.code).joined(separator: ", ") + ")")
        }
    }

    func run() throws {
        let layout = try locations.layout()
        let toolchain = try Toolchain.locate()
        let reporter = ProgressReporter(total: try layout.chapterFiles().count)
        let builder = BookBuilder(layout: layout, toolchain: toolchain, options: .init(jobs: parallel.jobs), reporter: reporter)
        let parsed = builder.parse(try layout.chapterFiles())
        let inputs = BuildInputs.read(toolchain: toolchain, cacheDirectory: layout.cacheDirectory)
        let woven = builder.weave(parsed, outcomes: builder.execute(parsed, inputs: inputs, reporter: reporter))
        let book = try layout.metadata()
        let stage = TranslationStage(layout: layout)
        var languages = try stage.languages(book)
        if let lang, let language = Language.named(lang) {
            if let editions = book.editions, !editions.contains(lang) {
                throw ValidationError("\(book.sourcePath) lists the editions \(editions.joined(separator: ", ")); add \(lang) to start its translation")
            }
            languages = [language]
        }
        guard !languages.isEmpty else {
            throw ValidationError("the book has no translation yet: start one with `book translate --update --lang zh`")
        }
        var states = stage.states(languages, book: book, chapters: woven.chapters)

        if update {
            // A chapter that did not parse has no units: merging would make all its translations obsolete.
            let unparsed = Set(parsed.compactMap { item -> String? in
                if case .failure = item.chapter { return layout.sourcePath(of: item.file) } else { return nil }
            })
            for path in unparsed.sorted() { print("\(path): not parsed, its catalogs are left as they are") }
            states.removeAll { unparsed.contains($0.sourcePath) }
            let written = Set(try stage.write(states))
            for state in states {
                let note = written.contains(state.catalogPath) ? TranslationStage.changes(state) : "unchanged"
                print("\(state.catalogPath): \(note); \(state.translated) translated, \(state.stale) stale, \(state.missing) missing")
            }
            for failure in woven.summaries.filter({ !$0.ok }) {
                print("warning: \(failure.sourcePath) has failures: the text of its outputs may be incomplete")
            }
        }
        if stats {
            for line in TranslationSummary.table(states) { print(line) }
        }
        let errors = states.flatMap(\.errors)
        for error in errors { print(error) }
        if !errors.isEmpty { throw ExitCode.failure }
    }
}
