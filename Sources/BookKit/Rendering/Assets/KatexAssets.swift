import Foundation

/// KaTeX, copied from Debian's `libjs-katex` and `fonts-katex` into `assets/katex/` so math
/// typesets offline from `file://`.
///
/// Only the WOFF2 fonts are shipped (every browser that runs KaTeX reads WOFF2; the WOFF and TTF
/// copies would triple the size of the committed book), so the stylesheet's `src:` lists are
/// rewritten to name just the WOFF2 file.
struct KatexAssets {
    /// `/usr/share/javascript/katex`, whose `fonts` entry is a symlink into `/usr/share/fonts`.
    var directory: String

    static let installHint = "install KaTeX with `apt-get install libjs-katex fonts-katex`"

    /// Output path -> bytes: `assets/katex/katex.min.js`, `katex.min.css`, `fonts/*.woff2`.
    func files() throws -> [String: [UInt8]] {
        let fm = FileManager.default
        let script = try read("katex.min.js")
        let css = try read("katex.min.css")
        let fontsDirectory = (directory as NSString).appendingPathComponent("fonts")
        guard let fontNames = try? fm.contentsOfDirectory(atPath: fontsDirectory) else {
            throw missing("fonts/")
        }
        var files: [String: [UInt8]] = [
            "assets/katex/katex.min.js": script,
            "assets/katex/katex.min.css": Array(Self.woff2Only(String(decoding: css, as: UTF8.self)).utf8),
        ]
        let woff2 = fontNames.filter { $0.hasSuffix(".woff2") }.sorted()
        guard !woff2.isEmpty else { throw missing("fonts/*.woff2") }
        for name in woff2 {
            files["assets/katex/fonts/\(name)"] = try read("fonts/\(name)")
        }
        return files
    }

    /// Reads through symlinks (`katex.min.js -> katex.js`, `fonts -> ../../fonts/truetype/katex`)
    /// so the output holds real bytes.
    private func read(_ relative: String) throws -> [UInt8] {
        let path = (directory as NSString).appendingPathComponent(relative)
        let resolved = (path as NSString).resolvingSymlinksInPath
        guard let data = FileManager.default.contents(atPath: resolved) else { throw missing(relative) }
        return Array(data)
    }

    private func missing(_ relative: String) -> BookError {
        BookError(stage: .render, file: (directory as NSString).appendingPathComponent(relative), line: nil,
                    message: "KaTeX is missing; \(Self.installHint)")
    }

    /// `src:url(a.woff2) format('woff2'),url(a.woff) format('woff'),url(a.ttf) format('truetype')`
    /// becomes `src:url(a.woff2) format('woff2')`.
    static func woff2Only(_ css: String) -> String {
        var out = ""
        var rest = Substring(css)
        while let src = rest.range(of: "src:") {
            out += rest[..<src.upperBound]
            rest = rest[src.upperBound...]
            let end = rest.firstIndex(where: { $0 == ";" || $0 == "}" }) ?? rest.endIndex
            let sources = rest[..<end].components(separatedBy: ",url(")
            let kept = sources.enumerated().compactMap { index, part -> String? in
                let source = index == 0 ? part : "url(" + part
                return source.contains(".woff2") ? source : nil
            }
            out += kept.isEmpty ? String(rest[..<end]) : kept.joined(separator: ",")
            rest = rest[end...]
        }
        return out + rest
    }
}
