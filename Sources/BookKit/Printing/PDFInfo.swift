import Foundation

/// What poppler-utils' `pdfinfo` says about a PDF: its page count, and the page of each named
/// destination. Chromium names a destination after every element id a link of the document
/// points to, so the page a chapter starts on is the page of its id: exact, where searching the
/// pages' text for the title could hit the table of contents or a running mention.
struct PDFInfo {
    static let installHint = "install poppler-utils (`apt-get install poppler-utils`, or `make pdf`, which does)"

    var pageCount: Int
    /// Destination name (an element id) -> 1-based page.
    var destinations: [String: Int]

    static func read(_ pdf: URL, pdfinfo: URL) throws -> PDFInfo {
        let summary = try run(pdfinfo, [pdf.path])
        guard let pagesLine = summary.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
              let pages = Int(pagesLine.dropFirst("Pages:".count).trimmingSpaces()) else {
            throw BookError(stage: .write, file: pdf.path, line: nil, message: "pdfinfo gave no page count:\n\(summary)")
        }
        return PDFInfo(pageCount: pages, destinations: destinations(fromListing: try run(pdfinfo, ["-dests", pdf.path])))
    }

    /// Reads `pdfinfo -dests` lines: `   12 [ XYZ   6  776 null ] "05-initialization"`.
    static func destinations(fromListing listing: String) -> [String: Int] {
        var pages: [String: Int] = [:]
        for line in listing.split(separator: "\n") {
            let trimmed = line.trimmingSpaces()
            guard let page = Int(trimmed.prefix(while: \.isNumber)), trimmed.hasSuffix("\""),
                  let open = trimmed.dropLast().lastIndex(of: "\"") else { continue }
            let name = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            if pages[name] == nil { pages[name] = page }
        }
        return pages
    }

    /// `pdfinfo` on the PATH, or nil.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pdfinfo")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    private static func run(_ tool: URL, _ arguments: [String]) throws -> String {
        let result = try ProgramRunner.run(tool, arguments: arguments)
        guard result.exitStatus == 0 else {
            throw BookError(stage: .write, file: arguments.last ?? tool.path, line: nil,
                            message: "\(tool.lastPathComponent) failed (status \(result.exitStatus)): \(result.output)")
        }
        return result.output
    }
}
