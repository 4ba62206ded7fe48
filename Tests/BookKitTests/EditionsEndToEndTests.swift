@testable import BookKit
import Foundation
import XCTest

/// The `editions` fixture book (English source, complete Chinese catalogs) built with the real
/// compiler: both editions come from one run, the Chinese one is complete, and changing one
/// source paragraph makes exactly that unit stale until `book translate --update` marks it fuzzy.
final class EditionsEndToEndTests: XCTestCase {
    struct Built {
        var root: URL
        var layout: BookLayout
        var report: BuildReport
        func page(_ path: String) throws -> String {
            try String(contentsOf: layout.outputDirectory.appendingPathComponent(path), encoding: .utf8)
        }
    }

    nonisolated(unsafe) private static var built: Result<Built, Error>?

    private func book() throws -> Built {
        if Self.built == nil {
            Self.built = Result {
                let root = try FixtureBooks.copy("editions")
                let layout = BookLayout(chaptersDirectory: root.appendingPathComponent("chapters"),
                                        outputDirectory: root.appendingPathComponent("output"))
                let report = try BookBuilder(layout: layout, toolchain: try toolchain(), options: .init(jobs: 2)).build()
                return Built(root: root, layout: layout, report: report)
            }
        }
        return try Self.built!.get()
    }

    private func toolchain() throws -> Toolchain { try Toolchain.locate(binDirectory: FixtureBooks.binDirectory) }

    func testBothEditionsFromOneRunWithEveryUnitTranslated() throws {
        let built = try book()
        XCTAssertTrue(built.report.succeeded, "\(built.report.failures)")
        XCTAssertEqual(built.report.executed, ["01-descent"], "the chapter runs once for both editions")
        let states = built.report.translations
        XCTAssertEqual(states.map(\.catalogPath), ["chapters/zh/index.po", "chapters/zh/01-descent.po"])
        for state in states {
            XCTAssertEqual([state.stale, state.missing], [0, 0], "\(state.catalogPath): \(state.findings)")
            XCTAssertTrue(state.findings.isEmpty, "\(state.findings)")
        }
        XCTAssertEqual(built.report.summaryLines.last, "zh: all \(states.map(\.translated).reduce(0, +)) units translated")

        let english = try built.page("01-descent.html")
        let chinese = try built.page("zh/01-descent.html")
        XCTAssertTrue(chinese.contains("<html lang=\"zh-Hans\">"))
        XCTAssertFalse(chinese.contains("class=\"untranslated\""), "every unit is translated")
        XCTAssertTrue(chinese.contains("<h1>梯度下降</h1>"), chinese)
        // The chart's text, the table's header and the claim, translated from the one run's records.
        XCTAssertTrue(chinese.contains(">每一步后的损失</text>"), chinese)
        XCTAssertTrue(chinese.contains("style=\"text-align:right\">步数</th>"), chinese)
        XCTAssertTrue(chinese.contains("五步之后损失低于 0.05"), chinese)
        XCTAssertTrue(chinese.contains("图 1.1"))
        // The same numbers in both editions: the inline values are the run's.
        let values = english.components(separatedBy: "<span class=\"inline-value").dropFirst().map { "<span class=\"inline-value" + $0.prefix { $0 != "/" } }
        XCTAssertEqual(values.count, 4)
        XCTAssertTrue(values.first?.hasSuffix(">5<") == true, "\(values)")
        let numbers = values.filter { $0.hasPrefix("<span class=\"inline-value num\"") }
        XCTAssertEqual(numbers.count, 3, "\(values)")
        for value in numbers { XCTAssertTrue(chinese.contains(value), value) }
        // The words a value chose are translated through the catalog, in the value's place.
        XCTAssertTrue(english.contains("the loss <span class=\"inline-value\" title=\"\(Self.wordsTitle)\">fell every time</span>."), english)
        XCTAssertTrue(chinese.contains("损失<span class=\"inline-value\" title=\"\(Self.wordsTitle)\">每一步都在下降</span>。"), chinese)
        XCTAssertFalse(chinese.contains(">fell every time<"))
        let catalog = try XCTUnwrap(states.last?.merged)
        XCTAssertEqual(catalog.activeEntries.filter { $0.context == "inline value" }.map(\.id), ["fell every time"],
                       "a unit for the value that is words, none for the numbers")
        XCTAssertEqual(catalog.activeEntries.first { $0.context == "inline value" }?.extractedComments,
                       ["inline value: zip(losses, losses.dropFirst()).allSatisfy { $1 < $0 } ? \"fell every time\" : \"rose at least once\""])
        // Sections have the same ids, and each edition links to the other's page.
        XCTAssertEqual(headingIDs(english), headingIDs(chinese))
        XCTAssertTrue(english.contains("href=\"zh/01-descent.html\" hreflang=\"zh-Hans\""))
        XCTAssertTrue(chinese.contains("href=\"../01-descent.html\" hreflang=\"en\""))
        let manifest = try XCTUnwrap(Manifest.read(from: built.layout.outputDirectory))
        XCTAssertEqual(manifest.editions?.map(\.language), ["zh"])
        XCTAssertEqual(manifest.editions?.first?.pages, ["zh/index.html", "zh/01-descent.html"])
        XCTAssertEqual(manifest.editions?.first?.catalogs.map(\.missing), [0, 0])
        let search = try built.page("assets/search-index-zh.js")
        XCTAssertTrue(search.contains("梯度下降"))
    }

    func testChangingOneParagraphMakesExactlyThatUnitStale() throws {
        let built = try book()
        let root = try FixtureBooks.copy("editions")
        try FileManager.default.copyItem(at: built.root.appendingPathComponent(".book-cache"), to: root.appendingPathComponent(".book-cache"))
        let layout = BookLayout(chaptersDirectory: root.appendingPathComponent("chapters"), outputDirectory: root.appendingPathComponent("output"))
        let file = layout.chaptersDirectory.appendingPathComponent("01-descent.md")
        let source = try String(contentsOf: file, encoding: .utf8)
        let old = "This paragraph is the one the test changes."
        let new = "This paragraph is the one the test has changed."
        try source.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
        let line = source.components(separatedBy: "\n").firstIndex { $0 == old }! + 1

        let report = try BookBuilder(layout: layout, toolchain: try toolchain(), options: .init(jobs: 2)).build()
        XCTAssertEqual(report.executed, [], "a prose edit re-runs nothing")
        XCTAssertTrue(report.succeeded, "\(report.failures)")
        let stale = report.translations.flatMap(\.findings).filter { $0.kind == .stale }
        XCTAssertEqual(stale.map(\.source), ["chapters/01-descent.md:\(line)"])
        XCTAssertEqual(report.translations.flatMap(\.findings).filter { $0.kind != .stale }, [])
        XCTAssertTrue(report.summaryLines.contains { $0.hasPrefix("warning: zh:") && $0.contains("1 stale, 0 missing") }, "\(report.summaryLines)")
        let page = try String(contentsOf: layout.outputDirectory.appendingPathComponent("zh/01-descent.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("data-untranslated=\"stale\""))
        XCTAssertTrue(page.contains(new), "a stale unit shows the current source text")
        XCTAssertEqual(page.components(separatedBy: "class=\"untranslated\"").count - 1, 1)

        // `book check` lists it without running anything.
        let checked = try BookChecker(layout: layout, toolchain: try toolchain(), jobs: 1).translations()
        XCTAssertEqual(checked.flatMap(\.findings).filter { $0.kind == .stale }.map(\.source), ["chapters/01-descent.md:\(line)"])

        // `book translate --update`: that entry, and only it, becomes fuzzy with the old text.
        let stage = TranslationStage(layout: layout)
        XCTAssertEqual(try stage.write(report.translations), ["chapters/zh/01-descent.po"])
        let catalog = try POFile.parse(String(contentsOf: layout.catalogFile(.chinese, slug: "01-descent"), encoding: .utf8), path: "x.po")
        let fuzzy = catalog.activeEntries.filter(\.isFuzzy)
        XCTAssertEqual(fuzzy.map(\.id), [new])
        XCTAssertEqual(fuzzy.first?.previousID, old)
        XCTAssertEqual(catalog.obsoleteEntries, [])
        XCTAssertEqual(catalog.activeEntries.filter { $0.translation.isEmpty }, [])
    }

    /// The title of the inline value whose text is words: its expression.
    static let wordsTitle = "zip(losses, losses.dropFirst()).allSatisfy { $1 &lt; $0 } ? &quot;fell every time&quot; : &quot;rose at least once&quot;"

    func testAMissingTranslationOfAValuesWordsShowsTheEnglishMarked() throws {
        let built = try book()
        let root = try FixtureBooks.copy("editions")
        try FileManager.default.copyItem(at: built.root.appendingPathComponent(".book-cache"), to: root.appendingPathComponent(".book-cache"))
        let layout = BookLayout(chaptersDirectory: root.appendingPathComponent("chapters"), outputDirectory: root.appendingPathComponent("output"))
        let file = layout.catalogFile(.chinese, slug: "01-descent")
        var catalog = try POFile.parse(String(contentsOf: file, encoding: .utf8), path: "01-descent.po")
        let index = try XCTUnwrap(catalog.entries.firstIndex { $0.context == "inline value" && $0.id == "fell every time" })
        catalog.entries[index].translation = ""
        try POFile.write(catalog).write(to: file, atomically: true, encoding: .utf8)

        let report = try BookBuilder(layout: layout, toolchain: try toolchain(), options: .init(jobs: 2)).build()
        XCTAssertEqual(report.executed, [], "a catalog edit re-runs nothing")
        XCTAssertTrue(report.succeeded, "\(report.failures)")
        let findings = report.translations.flatMap(\.findings)
        XCTAssertEqual(findings.map(\.kind), [.missing])
        XCTAssertEqual(findings.map(\.source), ["chapters/01-descent.md:38"])
        let page = try String(contentsOf: layout.outputDirectory.appendingPathComponent("zh/01-descent.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("损失 <span class=\"inline-value\" title=\"\(Self.wordsTitle)\"><span class=\"untranslated\" lang=\"en\""
                                    + " data-untranslated=\"missing\" title=\"\(UIStrings.chinese.untranslatedMissing)\">fell every time</span></span>。"), page)
        XCTAssertEqual(page.components(separatedBy: "class=\"untranslated\"").count - 1, 1, "only the value is in English")
        let english = try String(contentsOf: layout.outputDirectory.appendingPathComponent("01-descent.html"), encoding: .utf8)
        XCTAssertEqual(english, try built.page("01-descent.html"), "the English edition does not depend on the catalogs")
    }

    func testWithoutCatalogsTheBookHasOneEdition() throws {
        let root = try FixtureBooks.copy("editions")
        let chapters = root.appendingPathComponent("chapters")
        try FileManager.default.removeItem(at: chapters.appendingPathComponent("zh"))
        let index = chapters.appendingPathComponent("index.md")
        try String(contentsOf: index, encoding: .utf8).replacingOccurrences(of: "editions: en, zh\n", with: "")
            .write(to: index, atomically: true, encoding: .utf8)
        let layout = BookLayout(chaptersDirectory: chapters, outputDirectory: root.appendingPathComponent("output"))
        let book = try layout.metadata()
        XCTAssertEqual(try TranslationStage(layout: layout).languages(book), [])
        XCTAssertEqual(try BookBuilder(layout: layout, toolchain: try toolchain()).translate([], book: book).editions.count, 0)
    }

    func testUnknownEditionIsAnError() throws {
        let root = try FixtureBooks.copy("editions")
        let index = root.appendingPathComponent("chapters/index.md")
        try String(contentsOf: index, encoding: .utf8).replacingOccurrences(of: "editions: en, zh", with: "editions: en, fr")
            .write(to: index, atomically: true, encoding: .utf8)
        let layout = BookLayout(chaptersDirectory: root.appendingPathComponent("chapters"), outputDirectory: root.appendingPathComponent("output"))
        XCTAssertThrowsError(try TranslationStage(layout: layout).languages(try layout.metadata())) { error in
            XCTAssertTrue("\(error)".contains("unknown language 'fr'"), "\(error)")
        }
    }

    private func headingIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<h").dropFirst().compactMap { piece -> String? in
            guard piece.first?.isNumber == true, let start = piece.range(of: " id=\"") else { return nil }
            return String(piece[start.upperBound...].prefix { $0 != "\"" })
        }
    }
}
