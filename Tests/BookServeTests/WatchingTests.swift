@testable import BookServe
import BookWire
import Foundation
import XCTest

/// File events: editors that save by rename, new subfolders, and bursts gathered into one batch.
final class WatchingTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try Data("one".utf8).write(to: root.appendingPathComponent("chapters/01-a.md"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    /// Starts a watcher on `root`, runs `change`, and returns the paths reported within `timeout` seconds.
    private func paths(after change: () throws -> Void, timeout: TimeInterval = 3) throws -> Set<String> {
        let seen = Locked(Set<String>())
        let watcher = FolderWatcher(folders: [root], recursive: true) { paths in seen.withLock { $0.formUnion(paths) } }
        try watcher.start()
        defer { watcher.stop() }
        Thread.sleep(forTimeInterval: 0.3)   // the polling fallback takes its first snapshot
        try change()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return seen.withLock { $0 }
    }

    func testASaveByRenameIsSeenOnTheChapter() throws {
        let chapter = root.appendingPathComponent("chapters/01-a.md")
        let seen = try paths(after: {
            // What vim and most editors do: write a new file beside it, then rename it over the chapter.
            let temporary = root.appendingPathComponent("chapters/.01-a.md.swp")
            try Data("two".utf8).write(to: temporary)
            _ = rename(temporary.path, chapter.path)
        }, timeout: 1)
        XCTAssertTrue(seen.contains(chapter.path), "\(seen)")
    }

    func testFilesInFoldersCreatedLaterAreSeen() throws {
        let nested = root.appendingPathComponent("data/new/rows.csv")
        let seen = try paths(after: {
            try FileManager.default.createDirectory(at: nested.deletingLastPathComponent(), withIntermediateDirectories: true)
            Thread.sleep(forTimeInterval: 0.3)
            try Data("1,2".utf8).write(to: nested)
        }, timeout: 1)
        XCTAssertTrue(seen.contains(nested.path), "\(seen)")
    }

    func testABurstBecomesOneBatch() {
        let batches = Locked([Set<String>]())
        let debouncer = Debouncer(quiet: 0.1, longest: 5, queue: DispatchQueue(label: "test")) { batch in
            batches.withLock { $0.append(batch) }
        }
        for name in ["a", "b", "c", "a"] {
            debouncer.add([name])
            Thread.sleep(forTimeInterval: 0.02)
        }
        Thread.sleep(forTimeInterval: 0.4)
        XCTAssertEqual(batches.withLock { $0 }, [["a", "b", "c"]])
    }

    func testASteadyStreamIsCutAtTheLongestDelay() {
        let batches = Locked([Date]())
        let debouncer = Debouncer(quiet: 0.1, longest: 0.3, queue: DispatchQueue(label: "test")) { _ in
            batches.withLock { $0.append(Date()) }
        }
        let start = Date()
        while Date().timeIntervalSince(start) < 1 {
            debouncer.add(["x"])
            Thread.sleep(forTimeInterval: 0.03)
        }
        Thread.sleep(forTimeInterval: 0.3)
        let times = batches.withLock { $0 }
        XCTAssertGreaterThanOrEqual(times.count, 3, "a write every 30 ms for 1 s still gives a batch every 0.3 s")
        XCTAssertLessThan(times[0].timeIntervalSince(start), 0.6)
    }
}
