import Foundation

/// `book pdf`: the whole book as one PDF, printed by headless Chromium from the one-document
/// rendering of the book (`PrintBook`).
///
/// Page numbers in the contents need the printed pages, so the book is printed twice: first with
/// placeholders of the same width, then `pdfinfo` gives the page of each chapter's and section's
/// id (Chromium names a destination after every id a link points to), and the book is printed
/// again with those numbers. A third pass runs only if the numbers moved (they cannot, unless the
/// contents changed length).
public struct BookPrinter {
    public struct Options: Sendable {
        /// Where the PDF goes.
        public var output: URL
        /// Show folded code expanded.
        public var expandCode: Bool
        public init(output: URL, expandCode: Bool = false) {
            self.output = output
            self.expandCode = expandCode
        }
    }

    public struct Report: Sendable {
        public var build: BuildReport
        public var pageCount: Int
        public var passes: Int
        public var bytes: Int
    }

    public var layout: BookLayout
    public var toolchain: Toolchain
    public var options: Options
    public var jobs: Int
    public var reporter: ProgressReporter

    public init(layout: BookLayout, toolchain: Toolchain, options: Options, jobs: Int, reporter: ProgressReporter) {
        self.layout = layout
        self.toolchain = toolchain
        self.options = options
        self.jobs = jobs
        self.reporter = reporter
    }

    /// Builds the book as `book build` does (cached chapters cost a lookup; the site in the
    /// output folder is brought up to date too), then prints it.
    public func print() throws -> Report {
        guard let browser = Chromium.locate() else {
            throw BookError(stage: .write, file: options.output.path, line: nil, message: "no Chromium found (looked for "
                            + Chromium.names.joined(separator: ", ") + " on the PATH); " + Chromium.installHint)
        }
        guard let pdfinfo = PDFInfo.locate() else {
            throw BookError(stage: .write, file: options.output.path, line: nil, message: "no pdfinfo found; " + PDFInfo.installHint)
        }
        let builder = BookBuilder(layout: layout, toolchain: toolchain, options: .init(jobs: jobs), reporter: reporter)
        let build = try builder.build()
        guard build.renderFailures.isEmpty else {
            throw BookError(stage: .render, file: layout.chaptersDirectory.path, line: nil,
                            message: "the book does not render, so it cannot be printed:\n" + build.renderFailures.joined(separator: "\n"))
        }
        let book = try layout.metadata()

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neuralbook-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let chromium = try Chromium(executable: browser)
        defer { chromium.stop() }

        var numbers: [String: Int]?
        var passes = 0
        var pdf: [UInt8] = []
        var info = PDFInfo(pageCount: 0, destinations: [:])
        repeat {
            passes += 1
            reporter.message("printing the book (pass \(passes))...")
            let printed = try PrintBook(pageNumbers: numbers, expandCode: options.expandCode).render(book: book, chapters: build.woven)
            for (path, bytes) in printed.files {
                try AtomicFile.write(bytes, to: folder.appendingPathComponent(path))
            }
            pdf = try printToPDF(folder.appendingPathComponent(PrintBook.documentName), chromium: chromium)
            let file = folder.appendingPathComponent("pass-\(passes).pdf")
            try Data(pdf).write(to: file)
            info = try PDFInfo.read(file, pdfinfo: pdfinfo)
            let found = Dictionary(uniqueKeysWithValues: printed.contents.compactMap { entry in
                info.destinations[entry.id].map { (entry.id, $0) }
            })
            let missing = printed.contents.filter { found[$0.id] == nil }.map(\.id)
            guard missing.isEmpty else {
                throw BookError(stage: .write, file: options.output.path, line: nil,
                                message: "the printed book has no page for: " + missing.joined(separator: ", "))
            }
            if found == numbers { break }
            numbers = found
        } while passes < 3
        try AtomicFile.write(pdf, to: options.output)
        return Report(build: build, pageCount: info.pageCount, passes: passes, bytes: pdf.count)
    }

    /// A4 with the page number at the foot of every page; backgrounds printed (claim boxes,
    /// code); an outline (bookmarks) from the headings.
    private func printToPDF(_ document: URL, chromium: Chromium) throws -> [UInt8] {
        let session = try chromium.open(document, viewportWidth: 820, timeout: 300)
        defer { _ = try? chromium.devTools.call("Page.close", session: session) }
        let footer = "<div style=\"width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif\">"
            + "<span class=\"pageNumber\"></span></div>"
        let result = try chromium.devTools.call("Page.printToPDF", [
            "printBackground": true, "preferCSSPageSize": true, "displayHeaderFooter": true,
            "headerTemplate": "<span></span>", "footerTemplate": footer,
            "generateDocumentOutline": true, "transferMode": "ReturnAsBase64",
        ], session: session, timeout: 600)
        guard let encoded = result["data"] as? String, let data = Data(base64Encoded: encoded) else {
            throw BookError(stage: .write, file: document.path, line: nil, message: "Chromium returned no PDF")
        }
        return [UInt8](data)
    }
}
