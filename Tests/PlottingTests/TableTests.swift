import XCTest
@testable import Plotting

final class TableTests: XCTestCase {
    private let table = Table(
        caption: "Accuracy",
        columns: ["model", Table.Column("accuracy", format: .percent(1)), Table.Column("loss", format: .fixed(3)),
                  "epochs", Table.Column("note", alignment: .center)],
        rows: [["linear", 0.5123, 1.1, 10, "baseline"],
               ["deep", 0.98765, 0.0449, 200, ""]])

    func testNumbersAreFormattedPerColumn() {
        XCTAssertEqual(table.text(row: 0, column: 1), "51.2%")
        XCTAssertEqual(table.text(row: 1, column: 1), "98.8%")
        XCTAssertEqual(table.text(row: 0, column: 2), "1.100")
        XCTAssertEqual(table.text(row: 1, column: 2), "0.045")
        XCTAssertEqual(table.text(row: 1, column: 3), "200")
    }

    func testNumericColumnsAreRightAlignedByDefault() {
        XCTAssertEqual(table.resolvedAlignment(0), .left)
        XCTAssertEqual(table.resolvedAlignment(1), .right)
        XCTAssertEqual(table.resolvedAlignment(3), .right)
        XCTAssertEqual(table.resolvedAlignment(4), .center)
    }

    func testHTMLStructure() {
        let html = table.html()
        XCTAssertTrue(html.hasPrefix("<table class=\"nb-table\">\n<caption>Accuracy</caption>"))
        XCTAssertTrue(html.contains("<thead>") && html.contains("<tbody>"))
        XCTAssertTrue(html.contains("<th scope=\"col\" style=\"text-align:right\">accuracy</th>"))
        XCTAssertTrue(html.contains("<td class=\"num\" style=\"text-align:right\">51.2%</td>"))
        XCTAssertTrue(html.contains("<td>linear</td>"))
        XCTAssertEqual(occurrences(of: "<tr>", in: html), 3)
    }

    func testPlainTextAlignsColumns() {
        let text = table.plainText()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "Accuracy")
        XCTAssertEqual(lines[1], "model   accuracy   loss  epochs    note")
        XCTAssertEqual(lines[2], "------  --------  -----  ------  --------")
        XCTAssertEqual(lines[3], "linear     51.2%  1.100      10  baseline")
        XCTAssertEqual(lines[4], "deep       98.8%  0.045     200")
    }

    func testCellLiterals() {
        let cells: [Table.Cell] = ["a", 1.5, 2]
        XCTAssertEqual(cells, [.text("a"), .number(1.5), .integer(2)])
    }
}
