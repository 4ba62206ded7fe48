import Foundation

/// Stage 5: puts the rendered site into the output folder.
///
/// Every file is written atomically and only when its bytes changed. Pages that the previous
/// manifest lists but this build no longer produces (a renamed or deleted chapter) are removed;
/// nothing else is ever deleted, since the writer cannot know how to rebuild it. The manifest is
/// written last, so it never describes files that are not there yet.
public struct OutputWriter {
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    /// Returns the paths that changed on disk.
    @discardableResult
    public func write(files: [String: [UInt8]], manifest: Manifest) throws -> [String] {
        let previous = Manifest.read(from: folder)
        var changed: [String] = []
        for path in files.keys.sorted() {
            guard Self.isSafe(path) else {
                throw BookError(stage: .write, file: path, line: nil, message: "refusing to write outside the output folder")
            }
            if try AtomicFile.write(files[path]!, to: folder.appendingPathComponent(path)) { changed.append(path) }
        }
        let previousPages = (previous?.chapters.map(\.page) ?? []) + (previous?.editions ?? []).flatMap(\.pages)
        for page in previousPages where files[page] == nil && Self.isSafe(page) {
            let url = folder.appendingPathComponent(page)
            if FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.removeItem(at: url)
                changed.append(page)
            }
        }
        if try AtomicFile.write(try manifest.encoded(), to: folder.appendingPathComponent(Manifest.fileName)) {
            changed.append(Manifest.fileName)
        }
        return changed
    }

    /// A relative path without `..` components.
    static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }
}
