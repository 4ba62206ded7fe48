@testable import BookKit
import BookWire
import Foundation
import XCTest

/// A run stopped from outside (`book serve`, when the chapter is saved again): the program and
/// what it started die with their session, and no result is stored.
final class CancellationTests: XCTestCase {
    func testCancellingARunStopsItsProcessesAndStoresNothing() throws {
        let root = try FixtureBooks.copy("orphan")
        defer { try? FileManager.default.removeItem(at: root) }
        let layout = BookLayout(chaptersDirectory: root.appendingPathComponent("chapters"),
                                outputDirectory: root.appendingPathComponent("output"))
        let toolchain = try Toolchain.locate(binDirectory: FixtureBooks.binDirectory)
        let builder = BookBuilder(layout: layout, toolchain: toolchain)
        let chapter = try layout.parse(try layout.chapterFiles()[0])
        let inputs = BuildInputs.read(toolchain: toolchain, cacheDirectory: layout.cacheDirectory)
        let cancellation = RunCancellation()
        let outcome = Locked<(ended: Bool, value: ChapterOutcome?)>((false, nil))
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let result = builder.run(chapter, position: 1, inputs: inputs, engineThreads: 1, cancellation: cancellation,
                                     reporter: ProgressReporter(total: 1, enabled: false))
            outcome.withLock { $0 = (true, result) }
            finished.signal()
        }

        let pidFile = root.appendingPathComponent("pids.txt")
        let started = Date()
        while !FileManager.default.fileExists(atPath: pidFile.path) {
            guard Date().timeIntervalSince(started) < 300, finished.wait(timeout: .now()) == .timedOut else {
                return XCTFail("the chapter never started")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Thread.sleep(forTimeInterval: 0.2)
        let pids = try String(contentsOf: pidFile, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        XCTAssertEqual(pids.count, 2)

        let cancelled = Date()
        cancellation.cancel()
        XCTAssertEqual(finished.wait(timeout: .now() + 10), .success, "the run did not stop within 10 s of its cancellation")
        XCTAssertLessThan(Date().timeIntervalSince(cancelled), 2, "the runner polls ten times a second")
        XCTAssertTrue(outcome.withLock { $0.ended })
        XCTAssertNil(outcome.withLock { $0.value }, "a cancelled run has no outcome")
        XCTAssertFalse(pids.contains(where: RunnerTests.isAlive), "a process of the cancelled run is still alive")
        XCTAssertEqual(layout.cache.lookup(slug: chapter.slug, key: inputs.cacheKey(for: chapter)), .stale, "nothing stored")
    }
}
