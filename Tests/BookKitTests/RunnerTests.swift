@testable import BookKit
import Foundation
import XCTest

/// The program runner on the `runner` fixture book, built once with the real compiler: one
/// deadline per block, nothing left running, errors at their lines.
final class RunnerTests: XCTestCase {
    struct Built {
        var layout: BookLayout
        var report: BuildReport
        func chapter(_ slug: String) -> WovenChapter { report.woven.first { $0.slug == slug }! }
        func summary(_ slug: String) -> ChapterSummary { report.chapters.first { $0.sourcePath == "chapters/\(slug).md" }! }
    }

    nonisolated(unsafe) private static var built: Result<Built, Error>?

    private func book() throws -> Built {
        if Self.built == nil {
            Self.built = Result {
                let root = try FixtureBooks.copy("runner")
                let layout = BookLayout(chaptersDirectory: root.appendingPathComponent("chapters"),
                                        outputDirectory: root.appendingPathComponent("output"))
                let toolchain = try Toolchain.locate(binDirectory: FixtureBooks.binDirectory)
                let report = try BookBuilder(layout: layout, toolchain: toolchain, options: .init(jobs: 2)).build()
                return Built(layout: layout, report: report)
            }
        }
        return try Self.built!.get()
    }

    func testTheChapterLimitFiresBeforeTheBlocksAndSaysSo() throws {
        let cells = try book().chapter("01-deadline").cells
        XCTAssertEqual(cells.map(\.status), [.ok, .failed])
        XCTAssertEqual(cells[1].outputs.last, .error(
            message: "timed out: the chapter's limit of 3 s (front matter `timeout:`) ran out while this block ran, and the program was stopped",
            line: 10))
    }

    func testAProcessABlockStartedDiesWithATimedOutChapter() throws {
        let cells = try book().chapter("02-group").cells
        XCTAssertEqual(cells.map(\.status), [.ok, .failed])
        let pid = try XCTUnwrap(Self.sleeperPID(in: cells[0].outputs))
        XCTAssertFalse(Self.isAlive(pid), "the block's `sleep 100` outlived its chapter")
    }

    func testAProcessABlockStartedDiesWhenTheChapterEnds() throws {
        let cells = try book().chapter("03-leftover").cells
        XCTAssertEqual(cells.map(\.status), [.ok])
        let pid = try XCTUnwrap(Self.sleeperPID(in: cells[0].outputs))
        XCTAssertFalse(Self.isAlive(pid), "the block's `sleep 100` outlived its chapter")
    }

    func testAnErrorThrownAtTopLevelIsReportedAtTheThrowingStatement() throws {
        let cells = try book().chapter("04-thrown").cells
        XCTAssertEqual(cells.map(\.status), [.failed, .notRun])
        XCTAssertEqual(cells[0].outputs, [
            .text("loading\n"),
            .error(message: "Error thrown at top level: data/none.npy: no such file", line: 11),
        ])
        XCTAssertEqual(try book().summary("04-thrown").failures,
                       ["chapters/04-thrown.md:11: Error thrown at top level: data/none.npy: no such file"])
    }

    func testATrapInAnInlineValueIsAttachedToThatValue() throws {
        let chapter = try book().chapter("05-inline-trap")
        let values = chapter.items.flatMap { item -> [InlineValue] in
            if case .prose(_, _, let values) = item { return values } else { return [] }
        }
        XCTAssertEqual(values.map(\.text), ["1", nil, nil])
        XCTAssertEqual(values[1].error, "Fatal error: Index out of range")
        XCTAssertEqual(values[2].error, "not evaluated: the chapter program stopped before reaching it")
        XCTAssertEqual(try book().summary("05-inline-trap").failures, ["chapters/05-inline-trap.md:7: Fatal error: Index out of range"])
    }

    /// `kill -9 book` while a chapter runs: the chapter program and the process it started stop too.
    func testChapterProgramsDieWithBook() throws {
        let root = try FixtureBooks.copy("orphan")
        let book = FixtureBooks.binDirectory.appendingPathComponent("book")
        let process = Process()
        process.executableURL = book
        process.arguments = ["build", "--chapters", root.appendingPathComponent("chapters").path,
                             "--output", root.appendingPathComponent("output").path]
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let pidFile = root.appendingPathComponent("pids.txt")
        let started = Date()
        while !FileManager.default.fileExists(atPath: pidFile.path) {
            guard Date().timeIntervalSince(started) < 300, process.isRunning else { return XCTFail("the chapter never started") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Thread.sleep(forTimeInterval: 0.2)
        let pids = try String(contentsOf: pidFile, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        XCTAssertEqual(pids.count, 2)
        XCTAssertTrue(pids.allSatisfy(Self.isAlive))

        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let killed = Date()
        while pids.contains(where: Self.isAlive) && Date().timeIntervalSince(killed) < 10 {
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertFalse(pids.contains(where: Self.isAlive), "a chapter process outlived `book`")
    }

    private static func sleeperPID(in outputs: [CellOutput]) -> Int32? {
        for case .text(let text) in outputs {
            if let range = text.range(of: "sleeper ") {
                return Int32(text[range.upperBound...].prefix(while: \.isNumber))
            }
        }
        return nil
    }

    /// Running, and not a zombie waiting for a parent that will never reap it.
    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}
