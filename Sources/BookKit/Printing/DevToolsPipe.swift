import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A client of the Chrome DevTools Protocol over `--remote-debugging-pipe`: JSON messages, each
/// ended by a NUL byte, written to the browser's descriptor 3 and read from its descriptor 4.
/// Commands are answered in order by id; events that arrive meanwhile are kept for `event(_:)`.
///
/// The pipe rather than a WebSocket: no port to find or guard, no HTTP handshake to write, and
/// the browser sees end of file (and quits) when `book` goes. Synchronous, for one caller.
final class DevToolsPipe {
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var pending: [UInt8] = []
    private var events: [[String: Any]] = []
    private var lastID = 0

    /// Takes ownership of both descriptors.
    init(toBrowser: Int32, fromBrowser: Int32) {
        self.toBrowser = toBrowser
        self.fromBrowser = fromBrowser
    }

    deinit {
        closeDescriptor(toBrowser)
        closeDescriptor(fromBrowser)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `method` and waits for its result. Throws the protocol's error message, or when the
    /// browser closed the pipe or `timeout` passed.
    @discardableResult
    func call(_ method: String, _ parameters: [String: Any] = [:], session: String? = nil,
              timeout: TimeInterval = 60) throws -> [String: Any] {
        lastID += 1
        let id = lastID
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if let session { message["sessionId"] = session }
        try send(JSONSerialization.data(withJSONObject: message))
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try readMessage(until: deadline, waitingFor: method)
            guard let replyID = reply["id"] as? Int else { events.append(reply); continue }
            guard replyID == id else { continue }
            if let error = reply["error"] as? [String: Any] {
                throw Failure(description: "\(method): \(error["message"] as? String ?? "\(error)")")
            }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    /// Waits for the event `method` of `session` (one that came already counts) and returns its
    /// parameters.
    @discardableResult
    func event(_ method: String, session: String?, timeout: TimeInterval = 60) throws -> [String: Any] {
        let matches = { (event: [String: Any]) in
            event["method"] as? String == method && event["sessionId"] as? String == session
        }
        if let index = events.firstIndex(where: matches) {
            return events.remove(at: index)["params"] as? [String: Any] ?? [:]
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let message = try readMessage(until: deadline, waitingFor: method)
            if message["id"] == nil, matches(message) { return message["params"] as? [String: Any] ?? [:] }
            if message["id"] == nil { events.append(message) }
        }
    }

    /// Forgets the events received so far (before navigating again).
    func dropEvents() { events.removeAll() }

    private func send(_ data: Data) throws {
        var bytes = [UInt8](data)
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "the browser closed its DevTools pipe (\(String(cString: strerror(errno))))")
            }
            offset += written
        }
    }

    private func readMessage(until deadline: Date, waitingFor method: String) throws -> [String: Any] {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            if let end = pending.firstIndex(of: 0) {
                let body = Data(pending[..<end])
                pending.removeSubrange(...end)
                guard let message = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                    throw Failure(description: "the browser sent something that is not a JSON object")
                }
                return message
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "\(method): no answer from the browser in time") }
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1) * 1000))
            if ready < 0 && errno != EINTR { throw Failure(description: "poll: \(String(cString: strerror(errno)))") }
            guard ready > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { read(fromBrowser, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Failure(description: "reading the DevTools pipe: \(String(cString: strerror(errno)))")
            }
            if count == 0 { throw Failure(description: "\(method): the browser closed its DevTools pipe (did it crash?)") }
            pending += chunk[0..<count]
        }
    }
}
