import Foundation

/// Where a book's pieces live: the chapters folder, the output folder, and the book root (the
/// chapters folder's parent), which holds the hidden cache folder and is the working directory
/// of chapter programs.
public struct BookLayout: Sendable {
    public var chaptersDirectory: URL
    public var outputDirectory: URL

    public init(chaptersDirectory: URL, outputDirectory: URL) {
        self.chaptersDirectory = chaptersDirectory.standardizedFileURL
        self.outputDirectory = outputDirectory.standardizedFileURL
    }

    public var bookRoot: URL { chaptersDirectory.deletingLastPathComponent() }
    public var cacheDirectory: URL { bookRoot.appendingPathComponent(".book-cache") }
    public var cache: ChapterCache { ChapterCache(folder: cacheDirectory, bookRoot: bookRoot) }
    public var indexFile: URL { chaptersDirectory.appendingPathComponent(ChapterFile.indexName) }

    /// `chapters/05-x.md`: the chapters folder's name and the file name, as messages show it.
    public func sourcePath(of file: URL) -> String {
        chaptersDirectory.lastPathComponent + "/" + file.lastPathComponent
    }

    public func chapterFiles() throws -> [URL] { try ChapterFile.chapters(in: chaptersDirectory) }

    public var pageCacheDirectory: URL { cacheDirectory.appendingPathComponent("pages") }

    /// `chapters/zh/`: the catalogs of a translation, one per chapter file.
    public func catalogDirectory(_ language: Language) -> URL {
        chaptersDirectory.appendingPathComponent(language.code)
    }

    /// `chapters/zh/05-initialization.po` for `chapters/05-initialization.md`.
    public func catalogFile(_ language: Language, slug: String) -> URL {
        catalogDirectory(language).appendingPathComponent(slug + ".po")
    }

    /// The path messages show for a file inside the chapters folder (`chapters/zh/x.po`).
    public func displayPath(_ file: URL) -> String {
        let base = chaptersDirectory.deletingLastPathComponent().path
        let path = file.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// Reads and parses one chapter file.
    public func parse(_ file: URL) throws -> ParsedChapter {
        try parse(try contents(of: file), of: file)
    }

    /// The bytes of a chapter file.
    public func contents(of file: URL) throws -> Data {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw BookError(stage: .parse, file: sourcePath(of: file), line: nil, message: "cannot read the file")
        }
        return data
    }

    /// Parses chapter file `file` from its bytes, already read.
    public func parse(_ contents: Data, of file: URL) throws -> ParsedChapter {
        try ChapterParser().parse(String(decoding: contents, as: UTF8.self), sourcePath: sourcePath(of: file))
    }

    /// The book's title and preface from `index.md` (title "NeuralBook" and no preface without it).
    public func metadata() throws -> BookMetadata {
        let path = sourcePath(of: indexFile)
        guard let data = FileManager.default.contents(atPath: indexFile.path) else {
            return BookMetadata(title: "NeuralBook", prefaceMarkdown: "", sourcePath: path)
        }
        let parsed = try ChapterParser().parse(String(decoding: data, as: UTF8.self), sourcePath: path)
        let (_, body) = try FrontMatter.split(String(decoding: data, as: UTF8.self), file: path)
        let leadingLines = body.prefix(while: { $0 == "\n" }).count
        return BookMetadata(title: parsed.title, prefaceMarkdown: body.trimmingCharacters(in: .newlines), sourcePath: path,
                            codeFold: parsed.frontMatter.codeFold, prefaceLine: leadingLines + 1,
                            titleLine: parsed.frontMatter.titleLine, editions: parsed.frontMatter.editions)
    }

    /// Finds a chapter by path, file name, slug or number prefix (`05`, `5`).
    public func resolveChapter(_ reference: String) throws -> URL {
        let files = try chapterFiles()
        let name = URL(fileURLWithPath: reference).lastPathComponent
        if let exact = files.first(where: { $0.lastPathComponent == name || ChapterFile.slug(of: $0.path) == name }) {
            return exact
        }
        let matches = files.filter { file in
            let slug = ChapterFile.slug(of: file.path)
            if slug.hasPrefix(reference) { return true }
            if let wanted = Int(reference), let number = ChapterFile.number(of: file.path) { return wanted == number }
            return false
        }
        guard matches.count == 1 else {
            let reason = matches.isEmpty ? "no chapter matches '\(reference)'"
                : "'\(reference)' matches several chapters: " + matches.map(\.lastPathComponent).joined(separator: ", ")
            throw BookError(stage: .parse, file: chaptersDirectory.path, line: nil, message: reason)
        }
        return matches[0]
    }
}
