@testable import BookServe
import Foundation
import XCTest

/// Starting the server: a taken port or a wrong host is an error at once, with a clear message.
final class PreviewServerTests: XCTestCase {
    private func handler() -> PreviewHandler {
        PreviewHandler(outputFolder: FileManager.default.temporaryDirectory, pages: ServedPages(), hub: EventHub())
    }

    func testATakenPortIsReported() async throws {
        let first = try PreviewServer(host: "127.0.0.1", port: 0, handler: handler())
        let port = try await first.start()
        XCTAssertGreaterThan(port, 0)
        let second = try PreviewServer(host: "127.0.0.1", port: port, handler: handler())
        do {
            _ = try await second.start()
            XCTFail("two servers on port \(port)")
        } catch let error as ServeError {
            XCTAssertTrue(error.description.hasPrefix("cannot listen"), error.description)
        }
        await first.stop()
    }

    func testAHostThatIsNoAddressIsReported() {
        XCTAssertThrowsError(try PreviewServer(host: "example.org", port: 0, handler: handler())) { error in
            XCTAssertEqual("\(error)", "--host example.org: not an IPv4 or IPv6 address")
        }
    }

    func testAMissingIconIsNoContentAndOtherMissingFilesAre404() async throws {
        let server = try PreviewServer(host: "127.0.0.1", port: 0, handler: handler())
        let port = try await server.start()
        let icon = await Self.status(port, "/favicon.ico"), missing = await Self.status(port, "/no-such-page.html")
        XCTAssertEqual(icon, 204, "browsers ask for it: no console error")
        XCTAssertEqual(missing, 404)
        await server.stop()
    }

    /// A request's status, made off the concurrency pool (the blocking socket would hold a pool
    /// thread the server needs).
    private static func status(_ port: UInt16, _ target: String) async -> Int? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: try? RawHTTP.get(port: port, target).status) }
        }
    }

    func testIPv6Loopback() async throws {
        guard FileManager.default.fileExists(atPath: "/proc/net/if_inet6") else { throw XCTSkip("no IPv6 on this machine") }
        let server = try PreviewServer(host: "::1", port: 0, handler: handler())
        let port = try await server.start()
        XCTAssertGreaterThan(port, 0)
        await server.stop()
    }
}
