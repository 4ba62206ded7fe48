import Foundation

/// Stored execution results, one JSON file per chapter in the hidden cache folder beside the
/// chapters folder (`<book>/.book-cache/results/<slug>.json`).
///
/// An entry is used only when its key matches and every data file it read still has the same
/// hash; an unreadable or damaged entry is ignored (and overwritten by the next run).
public struct ChapterCache: Sendable {
    public var folder: URL
    /// Data file paths are relative to this folder.
    public var bookRoot: URL

    public init(folder: URL, bookRoot: URL) {
        self.folder = folder
        self.bookRoot = bookRoot
    }

    struct Entry: Codable {
        var key: String
        var result: ExecutionResult
    }

    public enum Lookup: Equatable, Sendable {
        case hit(ExecutionResult)
        /// No entry, or the entry is for other inputs.
        case stale
    }

    public func lookup(slug: String, key: String) -> Lookup {
        guard let data = try? Data(contentsOf: entryURL(slug)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.key == key, dataFilesUnchanged(entry.result) else { return .stale }
        return .hit(entry.result)
    }

    /// Whether every data file `result` read still has the bytes it had then.
    public func dataFilesUnchanged(_ result: ExecutionResult) -> Bool {
        result.dataFiles.allSatisfy { file in
            ContentHash.file(ChapterExecutor.dataFile(file.path, bookRoot: bookRoot)) ?? "missing" == file.sha256
        }
    }

    public func store(_ result: ExecutionResult, slug: String, key: String) throws {
        try FileManager.default.createDirectory(at: entryURL(slug).deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(Entry(key: key, result: result))), to: entryURL(slug))
    }

    /// Scratch folder for one chapter's generated program and executable.
    public func workDirectory(slug: String) -> URL {
        folder.appendingPathComponent("work").appendingPathComponent(slug)
    }

    func entryURL(_ slug: String) -> URL {
        folder.appendingPathComponent("results").appendingPathComponent(slug + ".json")
    }

    /// Removes the whole cache folder.
    public func clean() throws {
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
    }
}
