import BookWire
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Headless Chromium, driven over its DevTools pipe: the same browser the page check uses
/// (`Tests/Browser/check_pages.py`), found on the `PATH` as Debian installs it.
///
/// The browser leads a session of its own, stopped whole by `stop()` (also on deinit); if `book`
/// dies first, the browser reads end of file on its pipe and quits.
final class Chromium {
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    static let installHint = "install it with `apt-get install chromium` (or `make pdf`, which does)"

    let devTools: DevToolsPipe
    private let pid: pid_t
    private let profile: URL
    private var stopped = false

    /// The first of `names` on the `PATH`, or nil.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Starts the browser with a fresh profile in a temporary folder.
    init(executable: URL) throws {
        // A browser that died must give an error on the pipe, not a SIGPIPE that ends `book`.
        signal(SIGPIPE, SIG_IGN)
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("neuralbook-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let toBrowser = try CloseOnExecPipe(), fromBrowser = try CloseOnExecPipe()
        let null = openDevNull()
        defer { if null >= 0 { closeDescriptor(null) } }
        var arguments = ["--headless=new", "--disable-gpu", "--remote-debugging-pipe", "--user-data-dir=" + profile.path,
                         "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                         "--allow-file-access-from-files", "--mute-audio", "about:blank"]
        if getuid() == 0 { arguments.insert("--no-sandbox", at: 0) }   // Chromium refuses root otherwise
        do {
            pid = try ProgramRunner.spawn(executable, arguments: arguments, environment: ProcessInfo.processInfo.environment,
                                          currentDirectory: nil, standardInput: null, output: null,
                                          descriptors: [(toBrowser.readEnd, 3), (fromBrowser.writeEnd, 4)])
        } catch {
            toBrowser.close()
            fromBrowser.close()
            try? FileManager.default.removeItem(at: profile)
            throw error
        }
        toBrowser.closeReadEnd()
        fromBrowser.closeWriteEnd()
        devTools = DevToolsPipe(toBrowser: toBrowser.takeWriteEnd(), fromBrowser: fromBrowser.takeReadEnd())
    }

    deinit { stop() }

    /// Closes the browser, stops whatever is left of its session and removes its profile.
    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? devTools.call("Browser.close", timeout: 5)
        ProgramRunner.killSession(pid)
        _ = ProgramRunner.reap(pid)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Opens `url` in a new tab and waits until it has loaded, its fonts are ready and its
    /// scripts have had `settle` seconds; returns the tab's session id.
    func open(_ url: URL, viewportWidth: Int = 1280, settle: TimeInterval = 0.3, timeout: TimeInterval = 120) throws -> String {
        let target = try devTools.call("Target.createTarget", ["url": "about:blank"])["targetId"] as? String ?? ""
        let session = try devTools.call("Target.attachToTarget", ["targetId": target, "flatten": true])["sessionId"] as? String ?? ""
        try devTools.call("Page.enable", session: session)
        try devTools.call("Emulation.setDeviceMetricsOverride",
                          ["width": viewportWidth, "height": 900, "deviceScaleFactor": 1, "mobile": false], session: session)
        try devTools.call("Page.navigate", ["url": url.absoluteString], session: session)
        try devTools.event("Page.loadEventFired", session: session, timeout: timeout)
        _ = try evaluate("document.fonts.ready.then(() => true)", session: session, timeout: timeout)
        Thread.sleep(forTimeInterval: settle)
        return session
    }

    /// Runs `expression` in the page (awaiting a promise) and returns its value.
    func evaluate(_ expression: String, session: String, timeout: TimeInterval = 60) throws -> Any? {
        let result = try devTools.call("Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true],
                                       session: session, timeout: timeout)
        if let exception = result["exceptionDetails"] as? [String: Any] {
            throw DevToolsPipe.Failure(description: "the page's script failed: \(exception["text"] as? String ?? "\(exception)")")
        }
        return (result["result"] as? [String: Any])?["value"]
    }
}

/// `/dev/null` for reading and writing, close-on-exec (a free function: inside `Chromium`,
/// `open` names the method).
private func openDevNull() -> Int32 {
    open("/dev/null", O_RDWR | O_CLOEXEC)
}
