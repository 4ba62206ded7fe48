import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one rule for which files the preview serves: regular files inside the output folder, and
/// nothing else. A request path is percent-decoded once, then refused when a segment is `.`,
/// `..` or hidden (`.x`, such as a writer's temporary file), and finally the file's real path
/// (symlinks resolved) must lie inside the output folder's real path, so a symlink that points
/// out of the folder is refused too. Refused and missing files alike are 404.
enum OutputFiles {
    /// The file request path `requestPath` (raw, percent-encoded, without the query) names in
    /// `root`; a folder names its `index.html`. Nil when refused or missing.
    static func resolve(_ requestPath: String, in root: URL) -> URL? {
        guard let decoded = requestPath.removingPercentEncoding, decoded.hasPrefix("/"),
              !decoded.contains("\0") else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0.hasPrefix(".") }) else { return nil }
        guard let realRoot = realPath(root.path) else { return nil }
        var candidate = root
        for segment in segments { candidate.appendPathComponent(String(segment)) }
        guard var real = realPath(candidate.path) else { return nil }
        if isFolder(real) {
            guard let index = realPath(real + "/index.html") else { return nil }
            real = index
        }
        guard real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/"), isRegularFile(real) else { return nil }
        return URL(fileURLWithPath: real)
    }

    /// `Content-Type` by extension, for what a book's output holds.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "ttf": return "font/ttf"
        case "txt", "md": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
