import Foundation

/// `output/manifest.json`: what the committed `output/` was built from, so CI can tell when it is
/// stale. Sorted keys, fixed formatting, no timestamps: the same book gives the same bytes.
public struct Manifest: Codable, Sendable, Equatable {
    public struct Expects: Codable, Sendable, Equatable {
        public var passed: Int
        public var failed: Int
    }

    public struct Chapter: Codable, Sendable, Equatable {
        /// `chapters/05-initialization.md`
        public var source: String
        /// SHA-256 of the chapter file's bytes.
        public var sourceHash: String
        public var page: String
        /// Swift blocks in the chapter.
        public var blocks: Int
        /// Blocks that failed unexpectedly (compile error, trap, timeout, unexpected success).
        public var failedBlocks: Int
        public var expects: Expects
        /// "ok", or "failed" when a block, a claim or the compilation failed.
        public var status: String
    }

    /// Hash of the sources of what chapter programs link (engine, plotting, wire format, runtime):
    /// `BuildInputs.linkedSources`, the same on every machine.
    public var engine: String
    public var chapters: [Chapter]
    /// The translated editions (absent when the book has none, so such a book's manifest is
    /// what it was before editions).
    public var editions: [Edition]?

    public struct Edition: Codable, Sendable, Equatable {
        /// `zh`
        public var language: String
        /// Pages of the edition in the output folder (`zh/index.html`, ...).
        public var pages: [String]
        public var catalogs: [CatalogCounts]
    }

    public struct CatalogCounts: Codable, Sendable, Equatable {
        /// `chapters/zh/05-initialization.po`
        public var catalog: String
        /// SHA-256 of the catalog file's bytes ("missing" without one).
        public var catalogHash: String
        public var translated: Int
        public var stale: Int
        public var missing: Int
    }

    public init(engine: String, chapters: [Chapter], editions: [Edition]? = nil) {
        self.engine = engine
        self.chapters = chapters
        self.editions = editions
    }

    public static let fileName = "manifest.json"

    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    /// The manifest in `folder`, or nil when missing or unreadable.
    public static func read(from folder: URL) -> Manifest? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }
}
