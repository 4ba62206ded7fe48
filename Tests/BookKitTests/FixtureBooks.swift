import BookKit
import Foundation
import XCTest

/// Access to the fixture books under `Fixtures/` (copied into the test bundle as a resource).
enum FixtureBooks {
    static var root: URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("Fixtures folder missing from the BookKitTests bundle")
        }
        return url
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Parses a fixture chapter with the source path a book build would use.
    static func parse(_ relativePath: String) throws -> ParsedChapter {
        let name = URL(fileURLWithPath: relativePath).lastPathComponent
        return try ChapterParser().parse(try text(relativePath), sourcePath: "chapters/" + name)
    }

    /// Copies fixture book `name` into a fresh temporary folder and returns the copy's root.
    static func copy(_ name: String) throws -> URL {
        let destination = FileManager.default.temporaryDirectory
            .appendingPathComponent("bookkit-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: destination)
        return destination
    }

    /// The SwiftPM products folder holding this test bundle (`.build/<triple>/debug`), where the
    /// engine and runtime modules and objects a chapter links against live.
    static var binDirectory: URL {
        Bundle.module.bundleURL.deletingLastPathComponent()
    }
}
