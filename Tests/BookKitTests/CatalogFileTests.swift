@testable import BookKit
import XCTest

/// The PO format: what gettext's tools write reads back to the same entries, and what we write
/// reads back to the same catalog, byte for byte.
final class CatalogFileTests: XCTestCase {
    let sample = #"""
        # Chinese translation of chapters/01-x.md.
        msgid ""
        msgstr ""
        "Language: zh\n"
        "Content-Type: text/plain; charset=UTF-8\n"

        # 译者：注意术语
        #. paragraph
        #: chapters/01-x.md:12 chapters/01-x.md:40
        #, fuzzy, c-format
        #| msgid "The old \"quoted\" text"
        msgid ""
        "A long paragraph that goes on over several quoted lines, with a tab\there "
        "and a backslash \\ in it."
        msgstr "一段很长的段落。"

        msgctxt "chart"
        msgid "loss"
        msgstr "损失"

        #~ msgid "Gone"
        #~ msgstr "已删除"

        #~| msgid "Older"
        #~ msgid "Old"
        #~ msgstr "旧"

        """#

    func testParsesEveryPartOfAnEntry() throws {
        let catalog = try POFile.parse(sample, path: "chapters/zh/01-x.po")
        XCTAssertEqual(catalog.entries.count, 5)
        XCTAssertEqual(catalog.header?.translation, "Language: zh\nContent-Type: text/plain; charset=UTF-8\n")
        XCTAssertEqual(catalog.header?.translatorComments, ["Chinese translation of chapters/01-x.md."])
        let paragraph = catalog.entries[1]
        XCTAssertEqual(paragraph.translatorComments, ["译者：注意术语"])
        XCTAssertEqual(paragraph.extractedComments, ["paragraph"])
        XCTAssertEqual(paragraph.references, ["chapters/01-x.md:12", "chapters/01-x.md:40"])
        XCTAssertEqual(paragraph.flags, ["fuzzy", "c-format"])
        XCTAssertTrue(paragraph.isFuzzy)
        XCTAssertEqual(paragraph.previousID, "The old \"quoted\" text")
        XCTAssertEqual(paragraph.id, "A long paragraph that goes on over several quoted lines, with a tab\there and a backslash \\ in it.")
        XCTAssertEqual(paragraph.translation, "一段很长的段落。")
        XCTAssertEqual(paragraph.line, 7)
        XCTAssertEqual(catalog.entries[2].key, CatalogKey(context: "chart", id: "loss"))
        XCTAssertEqual(catalog.activeEntries.count, 2)
        XCTAssertEqual(catalog.obsoleteEntries.map(\.id), ["Gone", "Old"])
        XCTAssertEqual(catalog.obsoleteEntries[1].previousID, "Older")
    }

    func testWriteThenParseGivesTheSameCatalogAndBytes() throws {
        var entry = CatalogEntry(context: "caption", id: "Line one\nline \"two\" with \\ and\ta tab\n", translation: "第一行\n第二行")
        entry.references = (1...12).map { "chapters/05-initialization.md:\($0 * 100)" }
        entry.extractedComments = ["caption"]
        entry.translatorComments = ["", "note"]
        entry.flags = ["fuzzy"]
        entry.previousID = "Line one\nline two"
        var long = CatalogEntry(id: String(repeating: "word ", count: 40) + "end", translation: String(repeating: "中文字符", count: 30))
        long.references = ["chapters/x.md:1"]
        var obsolete = CatalogEntry(id: "gone", translation: "没了")
        obsolete.isObsolete = true
        obsolete.previousID = "was gone"
        let control = CatalogEntry(id: "bell \u{7} and nul-free \u{1}", translation: "")
        let catalog = Catalog(entries: [Catalog.newHeader(language: .chinese, sourcePath: "chapters/x.md"), entry, long, control, obsolete])
        let text = POFile.write(catalog)
        let parsed = try POFile.parse(text, path: "x.po")
        XCTAssertEqual(parsed, catalog)
        XCTAssertEqual(POFile.write(parsed), text)
        // gettext's layout: long strings start with an empty string, no line is wider than 79 columns.
        XCTAssertTrue(text.contains("msgid \"\"\n\"word word"), text)
        for line in text.split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.unicodeScalars.reduce(0) { $0 + POString.columns($1) }, 79, String(line))
        }
        XCTAssertTrue(text.contains("\\a") || text.contains("\\007"), text)
        XCTAssertTrue(text.contains("#~| msgid \"was gone\"\n#~ msgid \"gone\"\n#~ msgstr \"没了\""), text)
    }

    func testErrorsNameTheFileAndLine() {
        let cases: [(String, Int, String)] = [
            ("msgid \"a\"\nmsgstr \"b\\q\"\n", 2, "unknown escape \\q"),
            ("msgid \"a\nmsgstr \"b\"\n", 1, "no closing double quote"),
            ("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\n", 2, "plural forms"),
            ("msgid \"a\"\n\n", 1, "msgid without msgstr"),
            ("msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n", 3, "a second msgstr"),
            ("#~ msgid \"a\"\nmsgstr \"b\"\n", 2, "mixes obsolete"),
            ("msgid \"a\"\n\"continued\" x\nmsgstr \"\"\n", 2, "text after the closing double quote"),
            ("hello\n", 1, "expected msgctxt, msgid, msgstr"),
        ]
        for (text, line, message) in cases {
            XCTAssertThrowsError(try POFile.parse(text, path: "chapters/zh/a.po"), text) { error in
                guard let error = error as? BookError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.file, "chapters/zh/a.po")
                XCTAssertEqual(error.line, line, "\(text): \(error)")
                XCTAssertTrue(error.message.contains(message), "\(text): \(error.message)")
            }
        }
    }

    func testOctalAndStandardEscapesDecode() throws {
        let catalog = try POFile.parse("msgid \"a\\101\\n\\\"\\\\\"\nmsgstr \"\\t\"\n", path: "x.po")
        XCTAssertEqual(catalog.entries[0].id, "aA\n\"\\")
        XCTAssertEqual(catalog.entries[0].translation, "\t")
    }
}
