import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deliberately plain HTTP/1.1 client on a socket, for tests: the request target goes out
/// exactly as written (`/../../etc/passwd` is not normalised away, as URLSession or curl would),
/// and the event stream can be read as it arrives.
final class RawHTTP {
    private let socketDescriptor: Int32
    private var received: [UInt8] = []

    /// Connects to 127.0.0.1:`port` and sends `GET target`.
    init(port: UInt16, target: String, keepOpen: Bool = false) throws {
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw Failure("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socketDescriptor)
            throw Failure("connect to port \(port): \(String(cString: strerror(errno)))")
        }
        let request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: \(keepOpen ? "keep-alive" : "close")\r\n\r\n"
        _ = request.withCString { send(socketDescriptor, $0, strlen($0), 0) }
    }

    deinit { close(socketDescriptor) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Everything received so far, as text.
    var text: String { String(decoding: received, as: UTF8.self) }

    /// Reads until `done(text)` holds, the peer closes, or `timeout` seconds pass; whether `done` held.
    @discardableResult
    func read(timeout: TimeInterval, until done: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !done(text) {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return false }
            var poller = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(min(left, 1) * 1000)) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = buffer.withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return done(text) }
            received += buffer[0..<count]
        }
        return true
    }

    /// `GET target` on a new connection, read to the end: the status code and the body.
    static func get(port: UInt16, _ target: String, timeout: TimeInterval = 30) throws -> (status: Int, body: String) {
        let connection = try RawHTTP(port: port, target: target)
        connection.read(timeout: timeout) { _ in false }
        let text = connection.text
        guard let statusLine = text.split(separator: "\r\n").first, statusLine.hasPrefix("HTTP/1.1 "),
              let status = Int(statusLine.dropFirst(9).prefix(3)) else { throw Failure("no HTTP response to \(target): \(text.prefix(200))") }
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
    }
}
