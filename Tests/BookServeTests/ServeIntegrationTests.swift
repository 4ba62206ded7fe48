import BookKit
import BookWire
import Foundation
import XCTest

/// `book serve` end to end, as a teacher uses it: the real binary on a free port with the `live`
/// fixture book, pages fetched over HTTP, files edited on disk, the event stream read as a page
/// reads it, and Ctrl-C at the end with nothing left running.
final class ServeIntegrationTests: XCTestCase {
    /// Bounds for what must be quick; generous, since the machine may be busy. The latency itself is
    /// measured by `Scripts/serve-latency`, not here.
    private let reloadBound: TimeInterval = 10

    func testServeEditReloadRefuseAndStop() throws {
        let root = try Self.copyFixture("live")
        defer { try? FileManager.default.removeItem(at: root) }
        let serve = try ServeProcess(root: root)
        defer { serve.stopHard() }
        let port = try serve.waitForPort(timeout: 300)

        // The index and a chapter, each with the live script linked in; the files on disk without it.
        let index = try RawHTTP.get(port: port, "/")
        XCTAssertEqual(index.status, 200)
        XCTAssertTrue(index.body.contains("Live fixture"))
        let chapter = try RawHTTP.get(port: port, "/01-prose.html")
        XCTAssertEqual(chapter.status, 200)
        XCTAssertTrue(chapter.body.contains("Original prose."))
        XCTAssertTrue(chapter.body.contains("The answer is <span class=\"inline-value num\" title=\"answer\">42</span>"), chapter.body)
        XCTAssertTrue(chapter.body.contains("<script src=\"/_book/live.js\" defer></script></head>"))
        let onDisk = try String(contentsOf: root.appendingPathComponent("output/01-prose.html"), encoding: .utf8)
        XCTAssertFalse(onDisk.contains("/_book/"), "the output folder holds what `book build` writes")
        XCTAssertEqual(try RawHTTP.get(port: port, "/_book/live.js").status, 200)

        // A prose edit: the page is told to reload, and the new text is served.
        let events = try RawHTTP(port: port, target: "/_book/events", keepOpen: true)
        XCTAssertTrue(events.read(timeout: reloadBound) { $0.contains("event: state") }, events.text)
        let proseFile = root.appendingPathComponent("chapters/01-prose.md")
        try Self.edit(proseFile) { $0.replacingOccurrences(of: "Original prose.", with: "Edited prose.") }
        let saved = Date()
        XCTAssertTrue(events.read(timeout: reloadBound) { Self.reloads($0, page: "01-prose.html", after: 0) },
                      "no reload event within \(reloadBound) s of a prose edit: \(events.text)")
        let proseLatency = Date().timeIntervalSince(saved)
        XCTAssertTrue(try RawHTTP.get(port: port, "/01-prose.html").body.contains("Edited prose."))
        XCTAssertTrue(serve.errors.contains("rendered 1 chapter page"), "a prose edit renders one page: \(serve.errors)")

        // The data file chapter 2 reads changes: chapter 2 runs again.
        let reloadsBefore = events.text.components(separatedBy: "event: reload").count - 1
        try Data("a,1\nb,2\nc,3\n".utf8).write(to: root.appendingPathComponent("data/rows.csv"))
        XCTAssertTrue(events.read(timeout: 120) { Self.reloads($0, page: "02-runs.html", after: reloadsBefore) },
                      "no reload after the data file changed: \(events.text)")
        XCTAssertTrue(try RawHTTP.get(port: port, "/02-runs.html").body.contains("rows: 3"))

        // Paths that climb out of the output folder, plainly, percent-encoded or through symlinks: 404.
        let output = root.appendingPathComponent("output")
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("outside").path, withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("passwd.html").path, withDestinationPath: "/etc/passwd")
        for target in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fetc/passwd",
                       "/outside/passwd", "/passwd.html", "/.book-cache"] {
            let response = try RawHTTP.get(port: port, target)
            XCTAssertEqual(response.status, 404, target)
            XCTAssertFalse(response.body.contains("root:"), target)
        }

        // A long run, saved again with other code before it ends: the first run is stopped.
        let runsFile = root.appendingPathComponent("chapters/02-runs.md")
        try Self.edit(runsFile) {
            $0.replacingOccurrences(of: "print(\"rows: \\(rows.count)\")", with: """
                try! "\\(getpid())".write(toFile: "long-run.pid", atomically: true, encoding: .utf8)
                Thread.sleep(forTimeInterval: 120)
                """)
        }
        let pidFile = root.appendingPathComponent("long-run.pid")
        let started = Date()
        while !FileManager.default.fileExists(atPath: pidFile.path) && Date().timeIntervalSince(started) < 120 {
            Thread.sleep(forTimeInterval: 0.1)
        }
        let pid = try XCTUnwrap(Int32(try String(contentsOf: pidFile, encoding: .utf8)), "the long run never started")
        XCTAssertTrue(Self.isAlive(pid))
        let runningBanner = events.text.contains("\"title\":\"Running chapters/02-runs.md\"")
        XCTAssertTrue(runningBanner || events.read(timeout: 5) { $0.contains("\"title\":\"Running chapters/02-runs.md\"") },
                      "no running banner for the long run")
        let reloadsBeforeSecondSave = events.text.components(separatedBy: "event: reload").count - 1
        try Self.edit(runsFile) { $0.replacingOccurrences(of: "Thread.sleep(forTimeInterval: 120)", with: "print(\"saved again\")") }
        let resaved = Date()
        while Self.isAlive(pid) && Date().timeIntervalSince(resaved) < reloadBound { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertFalse(Self.isAlive(pid), "the first run outlived the second save")
        XCTAssertTrue(events.read(timeout: 120) { Self.reloads($0, page: "02-runs.html", after: reloadsBeforeSecondSave) })
        XCTAssertTrue(try RawHTTP.get(port: port, "/02-runs.html").body.contains("saved again"))

        // Ctrl-C: the server stops, with nothing it started left running.
        serve.interrupt()
        XCTAssertTrue(serve.waitForExit(timeout: 20), "book serve did not stop within 20 s of SIGINT")
        XCTAssertEqual(serve.exitStatus, 0)
        XCTAssertEqual(Self.processes(runningIn: root), [], "processes left running in the book's folder")
        XCTAssertThrowsError(try RawHTTP.get(port: port, "/"), "the port is closed")
        print("prose edit to reload event: \(String(format: "%.2f", proseLatency)) s")
    }

    /// A book with a Chinese edition: its pages under `/zh/` get the live script too, a saved
    /// catalog reloads the translated page and not the English one, an English edit both.
    func testATranslatedEditionIsServedAndReloads() throws {
        let root = try Self.copyFixture("live")
        defer { try? FileManager.default.removeItem(at: root) }
        let chapters = root.appendingPathComponent("chapters")
        try Self.edit(chapters.appendingPathComponent("index.md")) {
            $0.replacingOccurrences(of: "title: Live fixture\n", with: "title: Live fixture\neditions: en, zh\n")
        }
        let catalog = chapters.appendingPathComponent("zh/01-prose.po")
        try FileManager.default.createDirectory(at: catalog.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("""
            msgid ""
            msgstr ""
            "Language: zh\\n"

            msgid "Original prose."
            msgstr "原来的文字。"

            """.utf8).write(to: catalog)
        let serve = try ServeProcess(root: root)
        defer { serve.stopHard() }
        let port = try serve.waitForPort(timeout: 300)

        let translated = try RawHTTP.get(port: port, "/zh/01-prose.html")
        XCTAssertEqual(translated.status, 200)
        XCTAssertTrue(translated.body.contains("原来的文字。"), translated.body)
        XCTAssertTrue(translated.body.contains("<script src=\"/_book/live.js\" defer></script></head>"))
        XCTAssertEqual(try RawHTTP.get(port: port, "/zh/").status, 200)

        // The catalog saved with a new translation: the Chinese page reloads, the English one does not.
        let events = try RawHTTP(port: port, target: "/_book/events", keepOpen: true)
        XCTAssertTrue(events.read(timeout: reloadBound) { $0.contains("event: state") }, events.text)
        try Self.edit(catalog) { $0.replacingOccurrences(of: "原来的文字。", with: "改过的文字。") }
        XCTAssertTrue(events.read(timeout: reloadBound) { Self.reloads($0, page: "zh/01-prose.html", after: 0) },
                      "no reload of the Chinese page within \(reloadBound) s of a catalog edit: \(events.text)")
        XCTAssertFalse(Self.reloads(events.text, page: "01-prose.html", after: 0), events.text)
        XCTAssertTrue(try RawHTTP.get(port: port, "/zh/01-prose.html").body.contains("改过的文字。"))
        XCTAssertTrue(serve.errors.contains("rendered 1 chapter page"), "a catalog edit renders one page: \(serve.errors)")

        // The English sentence edited: both pages reload (the Chinese one shows the unit as stale English).
        let reloadsBefore = events.text.components(separatedBy: "event: reload").count - 1
        try Self.edit(chapters.appendingPathComponent("01-prose.md")) {
            $0.replacingOccurrences(of: "Original prose.", with: "Edited prose.")
        }
        XCTAssertTrue(events.read(timeout: reloadBound) {
            Self.reloads($0, page: "01-prose.html", after: reloadsBefore) && Self.reloads($0, page: "zh/01-prose.html", after: reloadsBefore)
        }, events.text)
        XCTAssertTrue(try RawHTTP.get(port: port, "/zh/01-prose.html").body.contains("Edited prose."))

        serve.interrupt()
        XCTAssertTrue(serve.waitForExit(timeout: 20), "book serve did not stop within 20 s of SIGINT")
        XCTAssertEqual(Self.processes(runningIn: root), [], "processes left running in the book's folder")
    }

    // MARK: - Helpers

    static func copyFixture(_ name: String) throws -> URL {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw RawHTTP.Failure("Fixtures missing from the test bundle")
        }
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("bookserve-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: destination)
        return destination
    }

    /// Saves `file` as editors that write a new file and rename it over the old one do.
    static func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        precondition(changed != text, "the edit changes nothing")
        try changed.write(to: file, atomically: true, encoding: .utf8)
    }

    /// Whether a reload event after the `after`-th names `page`.
    static func reloads(_ stream: String, page: String, after: Int) -> Bool {
        stream.components(separatedBy: "event: reload").dropFirst(after + 1).contains { $0.contains("\"\(page)\"") }
    }

    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// Live processes whose working directory is `folder` or inside it: `book serve` ran there, so
    /// did the compiler and every chapter program it started.
    static func processes(runningIn folder: URL) -> [Int32] {
        let path = folder.resolvingSymlinksInPath().path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(Int32.init).filter { pid in
            guard pid != getpid(), isAlive(pid),
                  let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd") else { return false }
            return cwd == path || cwd.hasPrefix(path + "/")
        }
    }
}

/// `book serve --port 0` started in a book's folder, its first stdout line read for the URL.
final class ServeProcess {
    private let process = Process()
    private let output = Pipe()
    private let errorFile: URL

    init(root: URL) throws {
        // The test bundle sits beside the `book` it depends on, in the SwiftPM products folder.
        process.executableURL = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("book")
        process.arguments = ["serve", "--chapters", "chapters", "--output", "output", "--port", "0", "--jobs", "2"]
        process.currentDirectoryURL = root
        errorFile = root.appendingPathComponent("serve-stderr.txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
    }

    var errors: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// The port from `Serving chapters/ at http://127.0.0.1:PORT/`.
    func waitForPort(timeout: TimeInterval) throws -> UInt16 {
        let line = Locked("")
        let done = DispatchSemaphore(value: 0)
        let handle = output.fileHandleForReading
        DispatchQueue.global().async {
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                let text = line.withLock { $0 += String(decoding: data, as: UTF8.self); return $0 }
                if text.contains("\n") { break }
            }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else { throw RawHTTP.Failure("no URL within \(timeout) s: \(errors)") }
        let text = line.withLock { $0 }
        guard let range = text.range(of: "http://127.0.0.1:"),
              let port = UInt16(text[range.upperBound...].prefix(while: \.isNumber)) else {
            throw RawHTTP.Failure("no URL printed: \(text) \(errors)")
        }
        return port
    }

    func interrupt() { Foundation.kill(process.processIdentifier, SIGINT) }

    func waitForExit(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return !process.isRunning
    }

    var exitStatus: Int32 { process.isRunning ? -1 : process.terminationStatus }

    func stopHard() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}
