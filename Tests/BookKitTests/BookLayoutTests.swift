@testable import BookKit
import Foundation
import XCTest

final class BookLayoutTests: XCTestCase {
    private var layout: BookLayout {
        let chapters = FixtureBooks.root.appendingPathComponent("behaviours/chapters")
        return BookLayout(chaptersDirectory: chapters, outputDirectory: chapters.deletingLastPathComponent().appendingPathComponent("output"))
    }

    func testChaptersAreSortedAndIndexIsTheBookItself() throws {
        XCTAssertEqual(try layout.chapterFiles().map(\.lastPathComponent),
                       ["01-claims.md", "02-trap.md", "03-compile-error.md", "04-timeout.md", "05-expected-error.md", "06-no-swift.md"])
        let metadata = try layout.metadata()
        XCTAssertEqual(metadata.title, "Behaviours")
        XCTAssertEqual(metadata.prefaceMarkdown, "Every behaviour of the pipeline, one chapter each.")
        XCTAssertEqual(metadata.sourcePath, "chapters/index.md")
        XCTAssertEqual(layout.cacheDirectory.lastPathComponent, ".book-cache")
        XCTAssertEqual(layout.cacheDirectory.deletingLastPathComponent(), layout.bookRoot)
    }

    func testResolvesChaptersByNumberNameSlugAndPath() throws {
        for reference in ["02", "2", "02-trap", "02-trap.md", "chapters/02-trap.md"] {
            XCTAssertEqual(try layout.resolveChapter(reference).lastPathComponent, "02-trap.md", reference)
        }
        XCTAssertThrowsError(try layout.resolveChapter("0")) { error in
            XCTAssertTrue("\(error)".contains("matches several chapters"), "\(error)")
        }
        XCTAssertThrowsError(try layout.resolveChapter("99")) { error in
            XCTAssertTrue("\(error)".contains("no chapter matches '99'"), "\(error)")
        }
    }
}
