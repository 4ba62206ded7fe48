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

    func testClaimDetailsSpeakTheClaimsUnits() {
        XCTAssertEqual(claimDetail(0.0742115, "< " + NumberFormat.percent(1).format(0.15), .percent(1)),
                       "observed 7.4%, expected < 15.0%")
        XCTAssertEqual(claimDetail(0.1 + 0.2, "> 0.25", .automatic), "observed 0.3, expected > 0.25")
        XCTAssertEqual(claimDetail(123456789, "< 1e+09", .automatic), "observed 1.23e+08, expected < 1e+09")
    }

    func testFixedDigitsAndCountedNouns() {
        XCTAssertEqual(fixed(-0.0004, 1), "0.0")
        XCTAssertEqual(fixed(-0.04, 1), "0.0")
        XCTAssertEqual(fixed(-0.06, 1), "-0.1")
        XCTAssertEqual(counted(1, "epoch"), "1 epoch")
        XCTAssertEqual(counted(2, "epoch"), "2 epochs")
        XCTAssertEqual(counted(0, "child", plural: "children"), "0 children")
        XCTAssertEqual(fixed(2.0 / 3.0, 2), "0.67")
        XCTAssertEqual(fixed(Float(1.5), 0), "2")
    }
}
