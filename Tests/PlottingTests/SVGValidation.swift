import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses `svg` as XML and returns the document, failing the test when it is not well formed.
func assertWellFormedSVG(_ svg: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    do {
        let document = try XMLDocument(xmlString: svg, options: [])
        XCTAssertEqual(document.rootElement()?.name, "svg", "\(name): root element", file: file, line: line)
        let attributes = document.rootElement()?.attributes?.compactMap(\.name) ?? []
        XCTAssertTrue(attributes.contains("viewBox"), "\(name): viewBox missing in \(attributes)", file: file, line: line)
    } catch {
        XCTFail("\(name): SVG is not well-formed XML: \(error)", file: file, line: line)
    }
}

/// The number of times `needle` occurs in `haystack`.
func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}

/// The number of points (M and L commands) in the first `<path>` of `svg`.
func pathPointCount(_ svg: String) -> Int {
    guard let start = svg.range(of: "<path d=\"") else { return 0 }
    let rest = svg[start.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return 0 }
    return rest[..<end].filter { $0 == "M" || $0 == "L" }.count
}
