import BookWire
import FlyingFox
import FlyingSocks
import Foundation

/// Pages the preview serves instead of the output folder's file: the last good version of a
/// chapter page whose latest build failed (the failure overlay lies over it). Set by the session,
/// read by the server.
final class ServedPages: Sendable {
    private let overrides = Locked([String: [UInt8]]())

    func set(_ page: String, to bytes: [UInt8]?) { overrides.withLock { $0[page] = bytes } }

    func override(for page: String) -> [UInt8]? { overrides.withLock { $0[page] } }
}

/// The preview's HTTP side (FlyingFox): the output folder's files (`OutputFiles` decides which),
/// HTML pages with the live script linked in (`LivePage`), the script and its stylesheet, and the
/// event stream (`EventHub`). Only GET; everything is `Cache-Control: no-store`, so a reload
/// always shows the latest build.
struct PreviewHandler: HTTPHandler {
    var outputFolder: URL
    var pages: ServedPages
    var hub: EventHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        let path = request.target.path()
        switch path {
        case LivePage.eventsPath:
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                                body: HTTPBodySequence(from: EventBytes(messages: hub.subscribe()), suggestedBufferSize: 65_536))
        case LivePage.scriptPath, LivePage.stylePath:
            guard let bytes = LivePage.asset((path as NSString).lastPathComponent) else { return Self.notFound }
            return Self.ok(bytes, type: OutputFiles.contentType(of: path))
        default:
            guard let file = OutputFiles.resolve(path, in: outputFolder) else {
                // Browsers ask every server for an icon; a book has none (from file:// nobody asks).
                return path == "/favicon.ico" ? HTTPResponse(statusCode: .noContent, headers: HTTPHeaders([.cacheControl: "no-store"])) : Self.notFound
            }
            let name = file.lastPathComponent
            if name.hasSuffix(".html") {
                let relative = String(file.path.dropFirst(outputFolder.resolvingSymlinksInPath().path.count + 1))
                guard let html = pages.override(for: relative) ?? (try? Data(contentsOf: file)).map(Array.init) else { return Self.notFound }
                return Self.ok(LivePage.inject(into: html), type: OutputFiles.contentType(of: name))
            }
            guard let data = try? Data(contentsOf: file) else { return Self.notFound }
            return Self.ok(Array(data), type: OutputFiles.contentType(of: name))
        }
    }

    static var notFound: HTTPResponse {
        HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                     body: Data("not found\n".utf8))
    }

    static func ok(_ bytes: [UInt8], type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: Data(bytes))
    }
}

/// Starts and stops the FlyingFox server on one address.
final class PreviewServer: Sendable {
    let server: HTTPServer
    private let hub: EventHub
    private let heartbeat = Locked<Task<Void, Never>?>(nil)

    /// - Parameter host: an IPv4 or IPv6 address, or `localhost`.
    init(host: String, port: UInt16, handler: PreviewHandler) throws {
        let address: any SocketAddress
        do {
            if host == "localhost" { address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
            else if host.contains(":") { address = try sockaddr_in6.inet6(ip6: host, port: port) }
            else { address = try sockaddr_in.inet(ip4: host, port: port) }
        } catch {
            throw ServeError("--host \(host): not an IPv4 or IPv6 address")
        }
        server = HTTPServer(config: .init(address: address, timeout: 15, logger: .disabled), handler: handler)
        hub = handler.hub
    }

    /// Listens and serves in the background; returns the port it listens on (the one asked for,
    /// or the system's choice for port 0). Throws when the address cannot be bound.
    func start() async throws -> UInt16 {
        let server = self.server
        let failure = Locked<String?>(nil)
        Task {
            do { try await server.run() } catch { failure.withLock { $0 = "\(error)" } }
        }
        for _ in 0..<500 {
            switch await server.listeningAddress {
            case .ip4(_, let port)?, .ip6(_, let port)?: return started(port)
            default: break
            }
            if let reason = failure.withLock({ $0 }) { throw ServeError("cannot listen: \(reason)") }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        throw ServeError("the server did not start listening within 5 s")
    }

    private func started(_ port: UInt16) -> UInt16 {
        let hub = self.hub
        // A comment every 15 s: connections whose page went away fail on it and close.
        heartbeat.withLock { $0 = Task { while !Task.isCancelled { try? await Task.sleep(nanoseconds: 15_000_000_000); hub.heartbeat() } } }
        return port
    }

    /// Ends every event stream and stops listening.
    func stop() async {
        heartbeat.withLock { $0?.cancel() }
        hub.finishAll()
        await server.stop(timeout: 1)
    }
}
