import Foundation

/// What the preview adds to every HTML page it serves, and only there: the live script and its
/// stylesheet, linked just before `</head>`. The files in the output folder are never changed, so
/// they stay byte for byte what `book build` writes.
enum LivePage {
    static let scriptPath = "/_book/live.js"
    static let stylePath = "/_book/live.css"
    static let eventsPath = "/_book/events"

    static let tags = "<link rel=\"stylesheet\" href=\"\(stylePath)\"><script src=\"\(scriptPath)\" defer></script>"

    /// `html` with the tags before its first `</head>` (at the start when it has none).
    static func inject(into html: [UInt8]) -> [UInt8] {
        let marker = Array("</head>".utf8)
        let tagBytes = Array(tags.utf8)
        guard let position = firstIndex(of: marker, in: html) else { return tagBytes + html }
        return Array(html[..<position]) + tagBytes + Array(html[position...])
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var start = 0
        while start + needle.count <= haystack.count {
            guard let first = haystack[start...].firstIndex(of: needle[0]) else { return nil }
            if first + needle.count <= haystack.count, haystack[first..<(first + needle.count)].elementsEqual(needle) { return first }
            start = first + 1
        }
        return nil
    }

    /// The live script and stylesheet, BookServe's package resources.
    static func asset(_ name: String) -> [UInt8]? {
        guard let url = Bundle.module.url(forResource: "Assets", withExtension: nil)?.appendingPathComponent(name),
              let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return Array(data)
    }
}
