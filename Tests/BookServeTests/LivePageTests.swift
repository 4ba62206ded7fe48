@testable import BookServe
import BookWire
import Foundation
import XCTest

/// What the preview adds to served pages, the event stream's framing, and the banner's text.
final class LivePageTests: XCTestCase {
    func testTheScriptGoesBeforeTheEndOfTheHead() {
        let page = Array("<html><head><title>x</title></head><body>/head</body></html>".utf8)
        XCTAssertEqual(String(decoding: LivePage.inject(into: page), as: UTF8.self),
                       "<html><head><title>x</title>" + LivePage.tags + "</head><body>/head</body></html>")
        XCTAssertEqual(String(decoding: LivePage.inject(into: Array("<p>no head</p>".utf8)), as: UTF8.self),
                       LivePage.tags + "<p>no head</p>")
        XCTAssertEqual(LivePage.inject(into: []), Array(LivePage.tags.utf8))
    }

    func testTheLiveAssetsAreResources() throws {
        let script = String(decoding: try XCTUnwrap(LivePage.asset("live.js")), as: UTF8.self)
        XCTAssertTrue(script.contains("new EventSource(\"/_book/events\")"))
        XCTAssertNotNil(LivePage.asset("live.css"))
    }

    func testANewSubscriberGetsTheCurrentStateThenEveryEvent() async {
        let hub = EventHub()
        hub.publishState(json: "{\"n\":1}")
        var messages = hub.subscribe().makeAsyncIterator()
        let connected = await messages.next().map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(connected, ": connected\n\n")
        let state = await messages.next().map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(state, "event: state\ndata: {\"n\":1}\n\n")
        hub.publishReload(pages: ["05-a.html", "quote\"d.html"])
        let reload = await messages.next().map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(reload, "event: reload\ndata: {\"pages\":[\"05-a.html\",\"quote\\\"d.html\"]}\n\n")
        XCTAssertEqual(hub.subscriberCount, 1)
        hub.finishAll()
        let end = await messages.next()
        XCTAssertNil(end)
        XCTAssertEqual(hub.subscriberCount, 0)
    }

    func testEventBytesHandOverEachMessageAtOnceInChunksNoLargerThanAsked() async {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        continuation.yield(Array("abcdefg".utf8))
        continuation.yield(Array("h".utf8))
        continuation.finish()
        var bytes = EventBytes(messages: stream).makeAsyncIterator()
        var chunks: [String] = []
        while let chunk = await bytes.nextBuffer(suggested: 3) { chunks.append(String(decoding: chunk, as: UTF8.self)) }
        XCTAssertEqual(chunks, ["abc", "def", "g", "h"])
    }

    func testTheBannerNamesTheBlockItsLineAndTheLatestProgress() throws {
        let chapter = try BookKitFixture.chapter("""
            # A

            ```swift
            let a = 1
            ```

            ```swift
            let b = 2
            ```
            """)
        let activity = ChapterActivity(strings: .english)
        activity.begin(slug: "05-a", chapter: chapter)
        XCTAssertEqual(activity.banners()["05-a.html"], .init(title: "Waiting to run chapters/05-a.md", detail: nil))
        activity.record(slug: "05-a", event: .compiling)
        XCTAssertEqual(activity.banners()["05-a.html"], .init(title: "Compiling chapters/05-a.md", detail: nil))
        activity.record(slug: "05-a", event: .running(block: 2, position: 2, of: 2))
        activity.record(slug: "05-a", event: .progress(step: 7, total: 20, label: "epoch"))
        XCTAssertEqual(activity.banners()["05-a.html"],
                       .init(title: "Running chapters/05-a.md", detail: "block 2 of 2, line 7 · epoch 7/20"))
        activity.end(slug: "05-a")
        XCTAssertTrue(activity.banners().isEmpty)
    }

    func testTheStateIsOneLineOfJSONWithEveryTextItShows() {
        var state = LiveState(strings: .english)
        state.failures["05-a.html"] = .init(title: "chapters/05-a.md failed", note: nil, lines: ["chapters/05-a.md:7: Fatal error\nsecond line"])
        let json = state.json
        XCTAssertFalse(json.contains("\n"), "one SSE data line")
        XCTAssertEqual(json, #"{"failures":{"05-a.html":{"lines":["chapters\/05-a.md:7: Fatal error\nsecond line"],"title":"chapters\/05-a.md failed"}},"labels":{"hide":"Hide"},"running":{}}"#.replacingOccurrences(of: "\\/", with: "/"))
    }

    func testStringsFillTheirPlaceholders() {
        XCTAssertEqual(ServeStrings.fill(ServeStrings.english.block, ["position": "2", "count": "9", "line": "40"]),
                       "block 2 of 9, line 40")
    }
}

import BookKit

enum BookKitFixture {
    static func chapter(_ text: String) throws -> ParsedChapter {
        try ChapterParser().parse(text, sourcePath: "chapters/05-a.md")
    }
}
