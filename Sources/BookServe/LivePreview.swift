import BookKit
import BookWire
import Foundation

/// `book serve` as a whole: the first build, then the HTTP server, the folder watcher and the
/// rebuild loop, until `stop`. Nothing it started outlives it: `stop` cancels every chapter run
/// (their process sessions are killed) and waits for them, ends the event streams and closes the
/// listening socket.
public final class LivePreview: Sendable {
    public struct Settings: Sendable {
        public var host: String
        public var port: UInt16
        public var jobs: Int
        /// Quiet time that ends a burst of file events, and the longest a burst may be held.
        public var debounce: (quiet: TimeInterval, longest: TimeInterval)

        public init(host: String = "127.0.0.1", port: UInt16 = 8000, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                    debounce: (quiet: TimeInterval, longest: TimeInterval) = (0.08, 0.5)) {
            self.host = host
            self.port = port
            self.jobs = jobs
            self.debounce = debounce
        }
    }

    public let session: PreviewSession
    private let settings: Settings
    private let stopped = DispatchSemaphore(value: 0)
    private let stopRequested = Locked(false)

    public init(layout: BookLayout, toolchain: Toolchain, settings: Settings) {
        self.settings = settings
        session = PreviewSession(layout: layout, toolchain: toolchain, jobs: settings.jobs)
    }

    /// Builds, serves and rebuilds until `stop`; calls `onListening` with the URL once the first
    /// build is written. Returns after everything stopped; throws when the server cannot start.
    ///
    /// The server listens before the first build, so a port already taken is reported at once,
    /// not after minutes of running chapters (meanwhile it serves what the output folder holds).
    public func run(onListening: (URL) -> Void) throws {
        let layout = session.layout
        let handler = PreviewHandler(outputFolder: layout.outputDirectory, pages: session.pages, hub: session.hub)
        let server = try PreviewServer(host: settings.host, port: settings.port, handler: handler)
        let port = try Self.wait { try await server.start() }
        defer { try? Self.wait { await server.stop() } }
        guard try session.start(), !stopRequested.withLock({ $0 }) else { return }

        let session = self.session
        let debouncer = Debouncer(quiet: settings.debounce.quiet, longest: settings.debounce.longest,
                                  queue: DispatchQueue(label: "book serve: debounce")) { session.refresh(changed: $0) }
        let watcher = FolderWatcher(folders: session.watchedFolders, recursive: true) { debouncer.add($0) }
        try watcher.start()
        defer { watcher.stop() }

        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        onListening(URL(string: "http://\(host):\(port)/")!)
        stopped.wait()
        session.requestStop()
        session.waitForRuns(timeout: 10)
    }

    /// Ends `run` (from a signal handler, say): stops the runs at once and lets `run` clean up.
    public func stop() {
        let first = stopRequested.withLock { requested -> Bool in
            defer { requested = true }
            return !requested
        }
        guard first else { return }
        session.requestStop()
        stopped.signal()
    }

    /// Runs `body` on the concurrency pool and blocks this (non-pool) thread for its result.
    private static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Locked<Result<T, Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do { let value = try await body(); result.withLock { $0 = .success(value) } }
            catch { result.withLock { $0 = .failure(error) } }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
