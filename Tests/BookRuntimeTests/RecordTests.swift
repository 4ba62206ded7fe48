import BookWire
import Foundation
import XCTest

final class RecordTests: XCTestCase {
    func testEveryRecordRoundTripsThroughJSONOnOneLine() throws {
        let records: [Record] = [
            .begin(block: 1), .end(block: 1), .value(text: "line one\nline two <b>"),
            .table(html: "<table></table>", caption: "c", label: nil),
            .figure(svg: "<svg/>", caption: nil, label: "fig-a", alt: "alt"),
            .claim(text: "holds", passed: false, detail: "observed 1", line: 12),
            .inline(id: 3, text: "中文"), .progress(step: 2, total: 5, label: "epoch"), .dataRead(path: "data/x.csv"),
            .thrown(message: "data/x.npy: no such file", line: 14),
        ]
        for record in records {
            let data = try JSONEncoder().encode(record)
            XCTAssertFalse(data.contains(UInt8(ascii: "\n")), "a record must fit on one line")
            XCTAssertEqual(try JSONDecoder().decode(Record.self, from: data), record)
        }
    }

    func testALineIsMarkerNonceAndJSONAndDecodesBack() throws {
        let record = Record.claim(text: "a\nb", passed: true, detail: nil, line: 3)
        let line = record.line(nonce: "n0")
        XCTAssertTrue(line.hasPrefix(Record.marker + "n0 {"))
        XCTAssertTrue(line.hasSuffix("}\n"))
        XCTAssertEqual(line.filter { $0 == "\n" }.count, 1)
        XCTAssertEqual(Record.decode(line.dropFirst((Record.marker + "n0 ").count).dropLast()), record)
        XCTAssertNil(Record.decode("{not json"))
    }

    func testMarkerStartsWithTheRecordSeparator() {
        XCTAssertEqual(Record.marker.unicodeScalars.first, "\u{1E}")
    }
}
