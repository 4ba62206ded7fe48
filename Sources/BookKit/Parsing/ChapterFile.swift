import Foundation

/// Naming rules for chapter files: `05-initialization.md` is chapter 5 with page
/// `05-initialization.html`, `A-checking-the-engine.md` is appendix A (`ChapterOrdinal`);
/// `index.md` is the book's title page and preface.
public enum ChapterFile {
    public static let indexName = "index.md"

    /// File name without folders and extension.
    public static func slug(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The leading digits of the file name, if any (`05-x.md` is 5).
    public static func number(of path: String) -> Int? {
        ordinal(of: path)?.chapterNumber
    }

    /// Chapter 5 for `05-x.md`, appendix A for `A-x.md`, nil otherwise.
    public static func ordinal(of path: String) -> ChapterOrdinal? {
        ChapterOrdinal(fileSlug: slug(of: path))
    }

    /// The chapter files of `folder` (every `*.md` except `index.md`), sorted by name: numbered
    /// chapters first, then appendices `A-...`, `B-...` (digits sort before capital letters).
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
