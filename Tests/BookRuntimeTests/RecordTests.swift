@testable import BookRuntime
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
        ]
        for record in records {
            let data = try JSONEncoder().encode(record)
            XCTAssertFalse(data.contains(UInt8(ascii: "\n")), "a record must fit on one line")
            XCTAssertEqual(try JSONDecoder().decode(Record.self, from: data), record)
        }
    }

    func testMarkerStartsWithTheRecordSeparator() {
        XCTAssertEqual(Record.marker.unicodeScalars.first, "\u{1E}")
    }
}
