@testable import BookKit
import XCTest

/// `book translate --update` and the in-memory merge of `book build`: translations survive,
/// changed units turn stale with the text they were made for, new units are missing, units that
/// are gone become obsolete and come back when their text does.
final class CatalogMergeTests: XCTestCase {
    let header = Catalog.newHeader(language: .chinese, sourcePath: "chapters/01-x.md")

    func unit(_ text: String, _ line: Int, _ kind: TranslationUnit.Kind = .paragraph) -> TranslationUnit {
        TranslationUnit(kind: kind, text: text, line: line)
    }

    func merge(_ catalog: Catalog, _ units: [TranslationUnit]) -> (Catalog, CatalogMerge.Summary) {
        CatalogMerge.merge(catalog, units: units, sourcePath: "chapters/01-x.md", header: header)
    }

    var translated: Catalog {
        let units = [unit("Gradient descent takes a small step against the gradient of the loss.", 3),
                     unit("Training", 1, .heading),
                     unit("loss", 9, .chartText),
                     unit("The learning rate sets the size of each step taken.", 5)]
        var (catalog, _) = merge(Catalog(), units)
        let translations = ["Gradient descent takes a small step against the gradient of the loss.": "梯度下降沿损失梯度的反方向走一小步。",
                            "Training": "训练", "loss": "损失", "The learning rate sets the size of each step taken.": "学习率决定每一步的大小。"]
        for index in catalog.entries.indices where !catalog.entries[index].isHeader {
            catalog.entries[index].translation = translations[catalog.entries[index].id]!
        }
        return catalog
    }

    func testNewCatalogHasEveryUnitOnceWithItsReferencesAndAHeader() {
        let (catalog, summary) = merge(Catalog(), [unit("Same text here.", 3), unit("Title", 1, .heading), unit("Same text here.", 8),
                                                   unit("Title", 20, .chartText)])
        XCTAssertTrue(catalog.entries[0].isHeader)
        XCTAssertEqual(catalog.activeEntries.map(\.key), [CatalogKey(context: nil, id: "Same text here."),
                                                          CatalogKey(context: nil, id: "Title"), CatalogKey(context: "chart", id: "Title")])
        XCTAssertEqual(catalog.activeEntries[0].references, ["chapters/01-x.md:3", "chapters/01-x.md:8"])
        XCTAssertEqual(catalog.activeEntries[1].extractedComments, ["heading"])
        XCTAssertEqual(summary.added, 3)
        XCTAssertTrue(catalog.activeEntries.allSatisfy { $0.translation.isEmpty })
    }

    func testChangingOneUnitMakesExactlyThatOneFuzzyWithItsPreviousText() {
        let units = [unit("Gradient descent takes a small step against the gradient of the loss function.", 3),
                     unit("Training", 1, .heading),
                     unit("loss", 9, .chartText),
                     unit("The learning rate sets the size of each step taken.", 5),
                     unit("A brand new paragraph about momentum.", 7)]
        let (catalog, summary) = merge(translated, units)
        let entries = catalog.activeEntries
        XCTAssertEqual(entries.filter(\.isFuzzy).map(\.id), ["Gradient descent takes a small step against the gradient of the loss function."])
        XCTAssertEqual(entries[0].previousID, "Gradient descent takes a small step against the gradient of the loss.")
        XCTAssertEqual(entries[0].translation, "梯度下降沿损失梯度的反方向走一小步。")
        XCTAssertEqual(entries.filter { !$0.isFuzzy && !$0.translation.isEmpty }.count, 3)
        XCTAssertEqual(entries.last?.translation, "")
        XCTAssertEqual(summary, CatalogMerge.Summary(added: 1, madeFuzzy: 1, madeObsolete: 0, revived: 0))
        // Changing it again keeps the text the translation was made for.
        let (again, _) = merge(catalog, [unit("Gradient descent takes one small step against the gradient of the loss function.", 3)])
        XCTAssertEqual(again.activeEntries[0].previousID, "Gradient descent takes a small step against the gradient of the loss.")
        // The written catalog says so in gettext's words.
        let text = POFile.write(catalog)
        XCTAssertTrue(text.contains("#, fuzzy\n#| msgid \"\"\n#| \"Gradient descent takes a small step against the gradient of the loss.\"\n"), text)
    }

    func testRemovedUnitsBecomeObsoleteAndComeBack() {
        let (shorter, summary) = merge(translated, [unit("Training", 1, .heading)])
        XCTAssertEqual(summary.madeObsolete, 3)
        XCTAssertEqual(shorter.obsoleteEntries.map(\.id).sorted(), ["Gradient descent takes a small step against the gradient of the loss.",
                                                                     "The learning rate sets the size of each step taken.", "loss"])
        XCTAssertTrue(POFile.write(shorter).contains("#~ msgctxt \"chart\"\n#~ msgid \"loss\"\n#~ msgstr \"损失\""))
        let (restored, again) = merge(shorter, [unit("Training", 1, .heading), unit("loss", 9, .chartText)])
        XCTAssertEqual(again.revived, 1)
        XCTAssertEqual(restored.entry(CatalogKey(context: "chart", id: "loss"))?.translation, "损失")
        XCTAssertFalse(restored.entry(CatalogKey(context: "chart", id: "loss"))!.isFuzzy)
    }

    func testUnrelatedChangeIsNewNotFuzzyAndContextsDoNotMix() {
        let (catalog, _) = merge(translated, [unit("Completely different words entirely here.", 3), unit("loss", 4, .heading)])
        XCTAssertTrue(catalog.activeEntries.allSatisfy { $0.translation.isEmpty && !$0.isFuzzy })
    }

    func testMergingTwiceChangesNothing() {
        let units = [unit("Training", 1, .heading), unit("loss", 9, .chartText)]
        let (once, _) = merge(translated, units)
        let (twice, summary) = merge(once, units)
        XCTAssertEqual(once, twice)
        XCTAssertEqual(summary, CatalogMerge.Summary())
    }

    func testPlaceholdersMustSurvive() {
        let source = "The loss falls to `{swift} fixed(loss, 3)` in @fig-loss, since $\\eta > 0$ (see [the notes](https://cs231n.github.io))."
        XCTAssertEqual(PlaceholderCheck.problems(source: source,
                                                 translation: "损失降到 `{swift} fixed(loss, 3)`（@fig-loss），因为 $\\eta > 0$（见[讲义](https://cs231n.github.io)）。",
                                                 kind: .paragraph), [])
        let broken = PlaceholderCheck.problems(source: source,
                                               translation: "损失降到 `{swift} fixed(loss, 2)`，见 @fig-loss 和 @tbl-x，因为 $\\eta>0$（见[讲义](https://example.org)）。",
                                               kind: .paragraph)
        XCTAssertEqual(broken.filter(\.isError).map(\.message), [
            "the translation drops the inline value `{swift} fixed(loss, 3)`",
            "the translation has the inline value the source does not have: `{swift} fixed(loss, 2)`",
            "the translation has the reference the source does not have: @tbl-x",
        ])
        XCTAssertEqual(broken.filter { !$0.isError }.count, 4)   // the formula and the link, each dropped and added
        XCTAssertEqual(PlaceholderCheck.problems(source: "loss", translation: "x", kind: .chartText), [])
    }

    func testBuildStateFindsStaleMissingAndBrokenUnitsWithLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString)")
        let chapters = folder.appendingPathComponent("chapters")
        try FileManager.default.createDirectory(at: chapters.appendingPathComponent("zh"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var catalog = translated
        catalog.entries[4].translation = "学习率 `{swift} eta` 决定步长。"          // a value the source does not have
        try POFile.write(catalog).write(to: chapters.appendingPathComponent("zh/01-x.po"), atomically: true, encoding: .utf8)
        let stage = TranslationStage(layout: BookLayout(chaptersDirectory: chapters, outputDirectory: folder.appendingPathComponent("output")))
        let state = stage.state(.chinese, slug: "01-x", sourcePath: "chapters/01-x.md", units: [
            unit("Gradient descent takes a small step against the gradient of the loss function.", 3),
            unit("Training", 1, .heading), unit("loss", 9, .chartText),
            unit("The learning rate sets the size of each step taken.", 5), unit("New.", 11)])
        XCTAssertEqual([state.translated, state.stale, state.missing], [2, 1, 2])
        XCTAssertEqual(state.findings.filter { $0.kind == .stale }.map(\.source), ["chapters/01-x.md:3"])
        XCTAssertEqual(state.findings.filter { $0.kind == .missing }.map(\.source), ["chapters/01-x.md:11"])
        let error = try XCTUnwrap(state.errors.first)
        XCTAssertTrue(error.description.hasPrefix("chapters/zh/01-x.po:"), error.description)
        XCTAssertTrue(error.description.contains("`{swift} eta`"), error.description)
        XCTAssertEqual(state.resolutions[CatalogKey(context: nil, id: "Training")], .translated("训练"))
        XCTAssertEqual(state.resolutions[CatalogKey(context: nil, id: "New.")], .untranslated(.missing))
    }
}
