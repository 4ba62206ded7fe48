import XCTest
@testable import Plotting

final class NiceTicksTests: XCTestCase {
    func testNiceNumberRoundsToOneTwoFiveTimesPowerOfTen() {
        XCTAssertEqual(NiceTicks.niceNumber(1.4, round: true), 1)
        XCTAssertEqual(NiceTicks.niceNumber(2.9, round: true), 2)
        XCTAssertEqual(NiceTicks.niceNumber(6.9, round: true), 5)
        XCTAssertEqual(NiceTicks.niceNumber(7.1, round: true), 10)
        XCTAssertEqual(NiceTicks.niceNumber(0.031, round: false), 0.05, accuracy: 1e-15)
        XCTAssertEqual(NiceTicks.niceNumber(150, round: false), 200, accuracy: 1e-12)
    }

    func testLinearTicksCoverTheDataWithNiceSteps() {
        let ticks = NiceTicks.linear(minimum: 0.07, maximum: 0.93, targetCount: 6)
        XCTAssertEqual(ticks.step, 0.2, accuracy: 1e-15)
        XCTAssertEqual(ticks.values, [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        XCTAssertEqual(ticks.fractionDigits, 1)
        XCTAssertEqual(NiceTicks.labels(for: ticks), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    func testLinearTicksForNegativeAndLargeRanges() {
        let ticks = NiceTicks.linear(minimum: -37, maximum: 112, targetCount: 5)
        XCTAssertEqual(ticks.step, 50)
        XCTAssertEqual(ticks.values, [-50, 0, 50, 100, 150])
        XCTAssertEqual(NiceTicks.labels(for: ticks), ["-50", "0", "50", "100", "150"])
    }

    func testTenthStepsDoNotDrift() {
        let ticks = NiceTicks.linear(minimum: 0, maximum: 0.7, targetCount: 8)
        XCTAssertEqual(ticks.values[3], 0.3)  // not 0.30000000000000004
    }

    func testDegenerateRangeIsWidened() {
        let ticks = NiceTicks.linear(minimum: 5, maximum: 5)
        XCTAssertLessThan(ticks.lower, 5)
        XCTAssertGreaterThan(ticks.upper, 5)
        let zero = NiceTicks.linear(minimum: 0, maximum: 0)
        XCTAssertEqual(zero.lower, -1)
        XCTAssertEqual(zero.upper, 1)
    }

    func testTinyTicksUseScientificLabelsConsistently() {
        let ticks = NiceTicks.linear(minimum: 0, maximum: 3e-5, targetCount: 4)
        let labels = NiceTicks.labels(for: ticks)
        XCTAssertEqual(labels.first, "0")
        XCTAssertTrue(labels.dropFirst().allSatisfy { $0.contains("e-") }, "\(labels)")
    }

    func testLogTicksAreDecades() {
        let ticks = NiceTicks.logDecades(minimum: 3e-5, maximum: 2)
        XCTAssertEqual(ticks.values.count, 7)
        XCTAssertEqual(ticks.values.first!, 1e-5, accuracy: 1e-20)
        XCTAssertEqual(ticks.values.last!, 10, accuracy: 1e-12)
        XCTAssertEqual(NiceTicks.logLabels(for: ticks), ["1e-05", "1e-04", "0.001", "0.01", "0.1", "1", "10"])
    }

    func testManyDecadesAreThinned() {
        let ticks = NiceTicks.logDecades(minimum: 1e-12, maximum: 1e3, maximumCount: 8)
        XCTAssertLessThanOrEqual(ticks.values.count, 9)
        XCTAssertLessThanOrEqual(ticks.values.first!, 1e-12)
        XCTAssertGreaterThanOrEqual(ticks.values.last!, 1e3)
    }
}
