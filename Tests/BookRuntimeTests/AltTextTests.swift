@testable import BookRuntime
import XCTest

final class AltTextTests: XCTestCase {
    func testReadsTheRootAriaLabelAndDecodesEntities() {
        let svg = "<svg role=\"img\" aria-label=\"Loss &amp; accuracy &lt;1&gt; &quot;x&quot; it&#39;s\"><desc>d</desc></svg>"
        XCTAssertEqual(altText(ofSVG: svg), "Loss & accuracy <1> \"x\" it's")
    }

    func testMissingLabelFallsBackToFigure() {
        XCTAssertEqual(altText(ofSVG: "<svg></svg>"), "figure")
    }

    func testClaimNumbersUseSixSignificantDigits() {
        XCTAssertEqual(claimNumber(0.1 + 0.2), "0.3")
        XCTAssertEqual(claimNumber(123456789), "1.23457e+08")
        XCTAssertEqual(fixed(2.0 / 3.0, 2), "0.67")
        XCTAssertEqual(fixed(Float(1.5), 0), "2")
    }
}
