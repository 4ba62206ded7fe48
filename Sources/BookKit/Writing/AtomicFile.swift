import Foundation

/// Writes a file so that readers see either the old or the new content, never half of it:
/// write a temporary file in the same folder, then rename it over the target (rename(2) is atomic
/// within one file system).
public enum AtomicFile {
    /// Returns false when the file already had exactly these bytes (then it is left untouched, so
    /// a no-op build does not even change modification times).
    @discardableResult
    public static func write(_ bytes: [UInt8], to url: URL) throws -> Bool {
        if let existing = try? Data(contentsOf: url), existing.count == bytes.count, Array(existing) == bytes { return false }
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        try Data(bytes).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw BookError(stage: .write, file: url.path, line: nil, message: "cannot write: \(reason)")
        }
        return true
    }
}
