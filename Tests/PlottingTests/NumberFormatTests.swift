import XCTest
@testable import Plotting

final class NumberFormatTests: XCTestCase {
    func testFixed() {
        XCTAssertEqual(NumberFormat.format(0.5, .fixed(3)), "0.500")
        XCTAssertEqual(NumberFormat.format(2.345, .fixed(1)), "2.3")
        XCTAssertEqual(NumberFormat.format(-1.25, .fixed(1)), "-1.3")  // away from zero
        XCTAssertEqual(NumberFormat.format(1234.5, .fixed(0)), "1235")
        XCTAssertEqual(NumberFormat.format(0.000123, .fixed(2)), "0.00")
    }

    func testNegativeZeroAndValuesRoundingToZeroHaveNoSign() {
        XCTAssertEqual(NumberFormat.format(-0.0, .fixed(2)), "0.00")
        XCTAssertEqual(NumberFormat.format(-0.0001, .fixed(2)), "0.00")
        XCTAssertEqual(NumberFormat.format(-0.0, .automatic), "0")
        XCTAssertEqual(NumberFormat.format(-0.0, .percent(0)), "0%")
    }

    func testScientific() {
        XCTAssertEqual(NumberFormat.format(0.000123, .scientific(2)), "1.23e-04")
        XCTAssertEqual(NumberFormat.format(123456, .scientific(1)), "1.2e+05")
        XCTAssertEqual(NumberFormat.format(-9.999, .scientific(2)), "-1.00e+01")  // carry to next decade
        XCTAssertEqual(NumberFormat.format(1e-300, .scientific(0)), "1e-300")
    }

    func testPercent() {
        XCTAssertEqual(NumberFormat.format(0.125, .percent(1)), "12.5%")
        XCTAssertEqual(NumberFormat.format(0.98765, .percent(2)), "98.77%")
        XCTAssertEqual(NumberFormat.format(1, .percent(0)), "100%")
    }

    func testAutomatic() {
        XCTAssertEqual(NumberFormat.format(0.000123, .automatic), "1.23e-04")
        XCTAssertEqual(NumberFormat.format(1e-5, .automatic), "1e-05")
        XCTAssertEqual(NumberFormat.format(0.001, .automatic), "0.001")
        XCTAssertEqual(NumberFormat.format(0.5, .automatic), "0.5")
        XCTAssertEqual(NumberFormat.format(123.456, .automatic), "123.5")
        XCTAssertEqual(NumberFormat.format(42, .automatic), "42")
        XCTAssertEqual(NumberFormat.format(2_500_000, .automatic), "2.5e+06")
        XCTAssertEqual(NumberFormat.format(-0.25, .automatic), "-0.25")
    }

    func testNonFiniteValues() {
        XCTAssertEqual(NumberFormat.format(.nan, .fixed(2)), "NaN")
        XCTAssertEqual(NumberFormat.format(.infinity, .automatic), "inf")
        XCTAssertEqual(NumberFormat.format(-.infinity, .scientific(1)), "-inf")
    }

    func testSVGNumbersUseAtMostTwoDecimalsAndNeverNaN() {
        XCTAssertEqual(svgNumber(12.3456), "12.35")
        XCTAssertEqual(svgNumber(3.0), "3")
        XCTAssertEqual(svgNumber(-0.001), "0")
        XCTAssertEqual(svgNumber(.nan), "0")
    }
}
