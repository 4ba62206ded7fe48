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
        // References written against Chinese text, as translators do, are numbered links to the
        // English ids; the inline values stay the run's.
        XCTAssertTrue(chinese.contains("，见<a class=\"xref\" href=\"#fig-loss\">图 1.1</a> 和<a class=\"xref\" href=\"#tbl-loss\">表 1.1</a>"
                                       + "；规则见<a class=\"xref\" href=\"#sec-update\">第 1.1 节</a>。</p>"), chinese)
        XCTAssertTrue(english.contains("<a class=\"xref\" href=\"#sec-update\">Section 1.1</a> gives the rule."), english)
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

    /// Units the catalog lacks (a heading with `{#sec-x}`, a paragraph with references) or has
    /// only for an earlier text are shown in English inside their marker, and still get the
    /// section's id and number, the numbered links, and the same ids as the English page.
    func testUnitsShownInEnglishKeepSectionIDsAndReferences() throws {
        let built = try book()
        let root = try FixtureBooks.copy("editions")
        try FileManager.default.copyItem(at: built.root.appendingPathComponent(".book-cache"), to: root.appendingPathComponent(".book-cache"))
        let layout = BookLayout(chaptersDirectory: root.appendingPathComponent("chapters"), outputDirectory: root.appendingPathComponent("output"))
        let file = layout.chaptersDirectory.appendingPathComponent("01-descent.md")
        let added = "## Choosing the rate {#sec-rate}\n\nToo large a rate overshoots: @sec-update gives the rule, @fig-loss the losses.\n\n"
        let source = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "## Exercises\n", with: added + "## Exercises\n")
            .replacingOccurrences(of: "This paragraph is the one the test changes.", with: "This paragraph is the one the test has changed.")
        try source.write(to: file, atomically: true, encoding: .utf8)

        let report = try BookBuilder(layout: layout, toolchain: try toolchain(), options: .init(jobs: 2)).build()
        XCTAssertEqual(report.executed, [], "a prose edit re-runs nothing")
        XCTAssertTrue(report.succeeded, "\(report.failures)")
        let findings = report.translations.flatMap(\.findings)
        XCTAssertEqual(findings.filter { $0.kind == .missing }.count, 2, "\(findings)")
        XCTAssertEqual(findings.filter { $0.kind == .stale }.count, 1, "\(findings)")
        XCTAssertEqual(findings.count, 3, "nothing else: \(findings)")
        let english = try String(contentsOf: layout.outputDirectory.appendingPathComponent("01-descent.html"), encoding: .utf8)
        let chinese = try String(contentsOf: layout.outputDirectory.appendingPathComponent("zh/01-descent.html"), encoding: .utf8)
        let missing = TranslatedPage.openingTag(.missing, strings: .chinese)
        // The heading: its label is its id, it is numbered, and the marker holds only its text.
        XCTAssertTrue(chinese.contains("<h2 id=\"sec-rate\"><a class=\"anchor\" href=\"#sec-rate\" aria-label=\"链接到本节\">#</a>"
                                       + "<span class=\"section-number\">1.2</span> \(missing)Choosing the rate</span></h2>"), chinese)
        XCTAssertTrue(chinese.contains("<a href=\"#sec-rate\"><span class=\"section-number\">1.2</span> \(missing)Choosing the rate</span></a>"),
                      "the table of contents: \(chinese)")
        // The paragraph: numbered links named in Chinese, inside the marker.
        XCTAssertTrue(chinese.contains("<p>\(missing)Too large a rate overshoots: <a class=\"xref\" href=\"#sec-update\">第 1.1 节</a> gives the rule, "
                                       + "<a class=\"xref\" href=\"#fig-loss\">图 1.1</a> the losses.</span></p>"), chinese)
        XCTAssertTrue(english.contains("<a class=\"xref\" href=\"#sec-update\">Section 1.1</a> gives the rule, "
                                       + "<a class=\"xref\" href=\"#fig-loss\">Figure 1.1</a> the losses.</p>"), english)
        XCTAssertTrue(chinese.contains("data-untranslated=\"stale\""))
        XCTAssertTrue(chinese.contains("This paragraph is the one the test has changed.</span></p>"), chinese)
        // Nothing literal is left outside code, and the language switch lands on the same ids.
        let prose = Self.withoutCode(chinese)
        for literal in ["{#", "@sec-", "@fig-", "@tbl-", "@eq-", UntranslatedMarkers.prefix] {
            XCTAssertFalse(prose.contains(literal), "\(literal) in \(prose)")
        }
        XCTAssertEqual(headingIDs(english), headingIDs(chinese))
        XCTAssertTrue(headingIDs(chinese).contains("sec-rate"))
    }

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

    /// `html` without its `<pre>` blocks (code listings keep their `@fig-x` captions as written).
    private static func withoutCode(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstRange(of: "<pre"), let close = rest[open.upperBound...].firstRange(of: "</pre>") {
            out += rest[..<open.lowerBound]
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    private func headingIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<h").dropFirst().compactMap { piece -> String? in
            guard piece.first?.isNumber == true, let start = piece.range(of: " id=\"") else { return nil }
            return String(piece[start.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// `book serve` keeps a `TranslationMemo` between rebuilds: it gives what translating afresh
    /// gives, and follows a saved catalog and an edited chapter.
    func testATranslationMemoFollowsCatalogsAndChapters() throws {
        let built = try book()
        let root = try FixtureBooks.copy("editions")
        defer { try? FileManager.default.removeItem(at: root) }
        let layout = BookLayout(chaptersDirectory: root.appendingPathComponent("chapters"),
                                outputDirectory: root.appendingPathComponent("output"))
        let builder = BookBuilder(layout: layout, toolchain: try toolchain())
        let metadata = try layout.metadata()
        let memo = TranslationMemo()
        func chapters(_ translated: BookBuilder.Translated) -> [WovenChapter] { translated.editions.flatMap(\.chapters) }

        let fresh = try builder.translate(built.report.woven, book: metadata)
        XCTAssertEqual(chapters(try builder.translate(built.report.woven, book: metadata, memo: memo)), chapters(fresh))
        XCTAssertEqual(chapters(try builder.translate(built.report.woven, book: metadata, memo: memo)), chapters(fresh))

        let catalog = root.appendingPathComponent("chapters/zh/01-descent.po")
        let text = try String(contentsOf: catalog, encoding: .utf8)
        try text.replacingOccurrences(of: "msgstr \"梯度下降\"", with: "msgstr \"梯度下降法\"").write(to: catalog, atomically: true, encoding: .utf8)
        XCTAssertEqual(try builder.translate(built.report.woven, book: metadata, memo: memo).editions[0].chapters[0].title, "梯度下降法")

        var edited = built.report.woven
        edited[0].title = "Descent"
        let afterEdit = try builder.translate(edited, book: metadata, memo: memo)
        XCTAssertEqual(chapters(afterEdit), chapters(try builder.translate(edited, book: metadata)))
        XCTAssertEqual(afterEdit.states.map(\.missing).reduce(0, +), 1, "the new title is a unit without a translation")
    }
}
