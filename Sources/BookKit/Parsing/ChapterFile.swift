import Foundation

/// Naming rules for chapter files: `05-initialization.md` is chapter 5 with page
/// `05-initialization.html`; `index.md` is the book's title page and preface.
public enum ChapterFile {
    public static let indexName = "index.md"

    /// File name without folders and extension.
    public static func slug(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The leading digits of the file name, if any (`05-x.md` is 5).
    public static func number(of path: String) -> Int? {
        Int(String(slug(of: path).prefix(while: \.isNumber)))
    }

    /// The chapter files of `folder` (every `*.md` except `index.md`), sorted by name.
    public static func chapters(in folder: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw BookError(stage: .parse, file: folder.path, line: nil, message: "cannot read the chapters folder: \(error.localizedDescription)")
        }
        return names.filter { $0.hasSuffix(".md") && $0 != indexName && !$0.hasPrefix(".") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
    }
}
