import BookWire
import FlyingFox
import FlyingSocks
import Foundation

/// The preview's Server-Sent Events channel (`/_book/events`): every open page holds one
/// connection and gets
/// - `event: state` with the live state (`LiveState`): first the current one on connecting, then
///   each new one;
/// - `event: reload` with `{"pages": [...]}`: the pages whose served bytes changed (`"*"`: all).
///
/// SSE rather than a WebSocket: the browser's `EventSource` reconnects by itself, and a test or a
/// script reads the stream as plain text lines over HTTP.
final class EventHub: Sendable {
    private struct Subscribers {
        var next = 0
        var streams: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
        var state: [UInt8]?
        var finished = false
    }

    private let subscribers = Locked(Subscribers())

    /// A new subscriber's stream of SSE messages, starting with the current state.
    func subscribe() -> AsyncStream<[UInt8]> {
        // Bounded: a page that stopped reading keeps only the newest messages until its
        // connection fails on the next heartbeat.
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id: Int? = subscribers.withLock { subscribers in
            guard !subscribers.finished else { return nil }
            let id = subscribers.next
            subscribers.next += 1
            subscribers.streams[id] = continuation
            continuation.yield(Self.message(comment: "connected"))
            if let state = subscribers.state { continuation.yield(state) }
            return id
        }
        guard let id else { continuation.finish(); return stream }
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.streams.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends the live state (JSON) to every page and keeps it for pages that connect later.
    func publishState(json: String) {
        let message = Self.message(event: "state", data: json)
        subscribers.withLock { subscribers in
            subscribers.state = message
            for stream in subscribers.streams.values { stream.yield(message) }
        }
    }

    /// Tells every page which pages changed (`"*"`: all of them); each reloads if it is one.
    func publishReload(pages: [String]) {
        guard !pages.isEmpty else { return }
        let json = "{\"pages\":[" + pages.map(JSONText.quote).joined(separator: ",") + "]}"
        broadcast(Self.message(event: "reload", data: json))
    }

    /// A comment line every page ignores: a connection whose reader went away fails on it, so it
    /// is closed instead of lingering.
    func heartbeat() {
        broadcast(Self.message(comment: "heartbeat"))
    }

    var subscriberCount: Int { subscribers.withLock { $0.streams.count } }

    /// Ends every stream (the server is stopping); later subscribers get an empty stream.
    func finishAll() {
        let streams: [AsyncStream<[UInt8]>.Continuation] = subscribers.withLock { subscribers in
            subscribers.finished = true
            defer { subscribers.streams = [:] }
            return Array(subscribers.streams.values)
        }
        for stream in streams { stream.finish() }
    }

    private func broadcast(_ message: [UInt8]) {
        subscribers.withLock { subscribers in
            for stream in subscribers.streams.values { stream.yield(message) }
        }
    }

    /// `event: NAME` / `data: JSON` / blank line. The JSON is one line (no raw newlines).
    static func message(event: String, data: String) -> [UInt8] {
        Array("event: \(event)\ndata: \(data)\n\n".utf8)
    }

    static func message(comment: String) -> [UInt8] {
        Array(": \(comment)\n\n".utf8)
    }
}

/// An SSE stream as the byte sequence FlyingFox sends as a chunked response body: each message
/// goes out as soon as it is published (a chunk never waits to fill a buffer).
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let messages: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(messages: messages.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var messages: AsyncStream<[UInt8]>.Iterator
        var leftover: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard let chunk = await nextBuffer(suggested: 1) else { return nil }
            return chunk.first
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            if leftover.isEmpty {
                guard let message = await messages.next() else { return nil }
                leftover = message[...]
            }
            let chunk = leftover.prefix(Swift.max(1, count))
            leftover = leftover.dropFirst(chunk.count)
            return chunk
        }
    }
}

/// JSON string literals for the small hand-assembled event payloads.
enum JSONText {
    /// A JSON string literal; `/` stays as it is (`zh/05-x.html`, not `zh\/05-x.html`).
    static func quote(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
