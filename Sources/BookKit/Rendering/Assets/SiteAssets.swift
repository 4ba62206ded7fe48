import Foundation

/// The site's own stylesheet and scripts: real `.css` and `.js` files in `Site/`, shipped as
/// BookKit's package resources and written into the book's `assets/` folder unchanged.
///
/// `Bundle.module` finds them beside the running binary (`NeuralBook_BookKit.resources` next to
/// `.build/release/book`), else in the build folder SwiftPM baked in, which also serves tests.
enum SiteAssets {
    /// Output path -> the resource files it is made of, concatenated in this order.
    static let composition: [(output: String, parts: [String])] = [
        ("assets/book.css", ["theme.css", "layout.css", "content.css", "print.css"]),
        ("assets/theme-init.js", ["theme-init.js"]),
        ("assets/book.js", ["book.js"]),
        ("assets/search.js", ["search.js"]),
    ]

    /// What only a book with translated editions needs (its pages link these too), so a book
    /// with one edition is exactly what it was before editions existed.
    static let editionsComposition: [(output: String, parts: [String])] = [
        ("assets/editions.css", ["editions.css"]),
        ("assets/editions.js", ["editions.js"]),
    ]

    /// Output path -> bytes. Throws a render error naming the missing resource.
    static func files(editions: Bool = false) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for (output, parts) in composition + (editions ? editionsComposition : []) {
            files[output] = try parts.flatMap { try read($0) }
        }
        return files
    }

    static var folder: URL? { Bundle.module.url(forResource: "Site", withExtension: nil) }

    private static func read(_ name: String) throws -> [UInt8] {
        guard let url = folder?.appendingPathComponent(name), let data = FileManager.default.contents(atPath: url.path) else {
            throw BookError(stage: .render, file: "Sources/BookKit/Rendering/Assets/Site/\(name)", line: nil,
                            message: "the site asset is missing from BookKit's resources (rebuild with `swift build`)")
        }
        return Array(data)
    }
}
