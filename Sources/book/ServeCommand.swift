import ArgumentParser
import BookKit
import BookServe
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the book, serve it over HTTP and rebuild it live as chapters and data change.",
        discussion: """
            Open pages reload by themselves when their page changes, keeping their scroll position; while a \
            chapter runs, its page shows which block runs and the latest progress line; a failure shows over \
            the last good page until the file is fixed. Saving a chapter again while it runs with other code \
            stops that run. Only the output folder is served, on 127.0.0.1 unless --host says otherwise. \
            Ctrl-C stops the server and every chapter program it started.
            """)

    @OptionGroup var locations: BookLocations
    @OptionGroup var parallel: ParallelJobs

    @Option(name: .long, help: "Port to listen on (0: any free port; the URL printed names it).")
    var port: Int = 8000

    @Option(name: .long, help: "Address to listen on. Anything but 127.0.0.1 or ::1 lets other machines read the book.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Open the book in the default browser once it is served.")
    var open = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let layout = try locations.layout()
        let preview = LivePreview(layout: layout, toolchain: try Toolchain.locate(),
                                  settings: .init(host: host, port: UInt16(port), jobs: parallel.jobs))
        // Ctrl-C and `kill` end the preview cleanly: the runs' programs are stopped with it.
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { preview.stop() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        do {
            try preview.run { url in
                let line = "Serving \(layout.chaptersDirectory.lastPathComponent)/ at \(url.absoluteString)  (Ctrl-C stops)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
                if open { Self.openInBrowser(url) }
            }
        } catch let error as ServeError {
            throw ValidationError(error.description)
        }
        FileHandle.standardError.write(Data("stopped\n".utf8))
    }

    /// The desktop's opener (`xdg-open`, or `open` on macOS); a note when there is none.
    private static func openInBrowser(_ url: URL) {
        #if os(macOS)
        let opener = "/usr/bin/open"
        #else
        let opener = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/xdg-open" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/xdg-open"
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            FileHandle.standardError.write(Data("cannot open a browser (\(opener)): open \(url.absoluteString) yourself\n".utf8))
        }
    }
}
