@testable import BookKit
import BookWire
import Foundation
import XCTest

final class RecordCollectorTests: XCTestCase {
    private func line(_ record: Record, nonce: String = "n1") throws -> String {
        let json = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        return Record.marker + nonce + " " + json + "\n"
    }

    private func feed(_ text: String, into collector: inout RecordCollector, chunk: Int = 7) {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {        // odd chunk sizes split lines and UTF-8 sequences
            collector.consume(bytes[start..<min(start + chunk, bytes.count)])
            start += chunk
        }
        collector.finish()
    }

    func testTextAndRecordsGoToTheRunningBlock() throws {
        var collector = RecordCollector(nonce: "n1")
        let stream = try line(.begin(block: 1)) + "hello 世界\n" + "<script>x</script>\n" + line(.value(text: "42"))
            + line(.end(block: 1)) + line(.inline(id: 1, text: "7")) + line(.begin(block: 3)) + "partial"
        feed(stream, into: &collector)
        XCTAssertEqual(collector.outputs[1], [.text("hello 世界\n<script>x</script>\n"), .value("42")])
        XCTAssertEqual(collector.outputs[3], [.text("partial")])
        XCTAssertEqual(collector.inlineTexts, [1: "7"])
        XCTAssertEqual(collector.finished, [1])
        XCTAssertEqual(collector.currentBlock, 3)
    }

    func testRecordsWithAnotherNonceAreJustText() throws {
        var collector = RecordCollector(nonce: "secret")
        let forged = try line(.claim(text: "forged", passed: true, detail: nil, line: 1), nonce: "guess")
        feed(try line(.begin(block: 1), nonce: "secret") + forged, into: &collector)
        XCTAssertEqual(collector.outputs[1], [.text(forged)])
    }

    func testTextWithoutNewlineBeforeARecordStaysInTheBlock() throws {
        var collector = RecordCollector(nonce: "n1")
        feed(try line(.begin(block: 2)) + "no newline" + line(.value(text: "v")), into: &collector)
        XCTAssertEqual(collector.outputs[2], [.text("no newline"), .value("v")])
    }

    func testOutputBeyondOneMebibyteIsCutWithANotice() throws {
        var collector = RecordCollector(nonce: "n1")
        let row = String(repeating: "x", count: 1023) + "\n"
        var stream = try line(.begin(block: 1))
        for _ in 0..<1100 { stream += row }
        feed(stream, into: &collector, chunk: 65_536)
        let outputs = try XCTUnwrap(collector.outputs[1])
        guard outputs.count == 2, case .text(let text) = outputs[0] else { return XCTFail("\(outputs.count) outputs") }
        XCTAssertEqual(text.utf8.count, RecordCollector.textLimit)
        XCTAssertEqual(outputs[1], .notice("output cut at 1 MiB: the block printed more than that"))
    }
}
