import Foundation
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
        XCTAssertEqual(NiceTicks.labels(for: ticks), ["\u{2212}50", "0", "50", "100", "150"])
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

    /// The properties every linear axis must have, over ranges that are tiny, huge, negative,
    /// spanning zero, offset far from zero, single values and every target count.
    func testLinearTicksAreFewRoundEvenlySpacedAndCoverTheData() {
        let ranges: [(Double, Double)] = [
            (0, 1), (0.07, 0.93), (-37, 112), (-0.93, 0.18), (-1.5, 3), (0, 3e-5), (-2e-7, 7e-7),
            (1e-12, 3e-12), (2e6, 9.5e6), (0, 4.2e9), (-8e8, -1e8), (999, 1001), (0.5, 0.5), (0, 0),
            (-1, -1), (12345, 12346), (0.1, 100), (1, 40), (-5, 5), (0.001, 0.0042), (3, 7), (-0.3, 0.7),
        ]
        for (low, high) in ranges {
            for target in 2...8 {
                let ticks = NiceTicks.linear(minimum: low, maximum: high, targetCount: target)
                let context = "[\(low), \(high)] target \(target): \(ticks.values)"
                XCTAssertGreaterThanOrEqual(ticks.values.count, 2, context)
                XCTAssertLessThanOrEqual(ticks.values.count, 8, context)
                XCTAssertLessThanOrEqual(ticks.lower, Swift.min(low, high), context)
                XCTAssertGreaterThanOrEqual(ticks.upper, Swift.max(low, high), context)
                // The step is 1, 2, 2.5 or 5 times a power of ten ...
                let exponent = floor(log10(ticks.step))
                let mantissa = ticks.step / pow(10, exponent)
                XCTAssertTrue([1, 2, 2.5, 5, 10].contains { abs($0 - mantissa) < 1e-9 }, "step \(ticks.step) " + context)
                // ... every tick is a whole multiple of it (never -0.70, -0.40 on a 0.3 grid) ...
                for value in ticks.values {
                    let ratio = value / ticks.step
                    XCTAssertEqual(ratio, ratio.rounded(), accuracy: 1e-6, context)
                }
                // ... evenly spaced, with zero among them when the axis spans it.
                for (a, b) in zip(ticks.values, ticks.values.dropFirst()) {
                    XCTAssertEqual(b - a, ticks.step, accuracy: ticks.step * 1e-9, context)
                }
                if ticks.lower < 0 && ticks.upper > 0 { XCTAssertTrue(ticks.values.contains(0), context) }
                // One label format per axis: all fixed with the same decimals, or all scientific.
                let labels = NiceTicks.labels(for: ticks)
                XCTAssertEqual(Set(labels).count, labels.count, "labels distinct " + context)
                let scientific = labels.filter { $0.contains("×10^") }
                XCTAssertTrue(scientific.isEmpty || scientific.count == labels.filter { $0 != "0" }.count,
                              "mixed formats \(labels) " + context)
                if scientific.isEmpty {
                    let decimals = Set(labels.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 })
                    XCTAssertEqual(decimals.count, 1, "decimals \(labels) " + context)
                }
                XCTAssertFalse(labels.contains { $0.hasPrefix("-") }, "hyphen instead of minus \(labels)")
            }
        }
    }

    func testTwoAndAHalfStepsPrintTheirSecondDecimal() {
        let ticks = NiceTicks.linear(minimum: 0, maximum: 1, targetCount: 5)
        XCTAssertEqual(ticks.values, [0, 0.25, 0.5, 0.75, 1])
        XCTAssertEqual(NiceTicks.labels(for: ticks), ["0.00", "0.25", "0.50", "0.75", "1.00"])
    }

    func testTinyTicksUseOneScientificFormat() {
        let ticks = NiceTicks.linear(minimum: 0, maximum: 3e-5, targetCount: 4)
        XCTAssertEqual(NiceTicks.labels(for: ticks), ["0", "1×10^{−5}", "2×10^{−5}", "3×10^{−5}"])
        let mixed = NiceTicks.linear(minimum: 0, maximum: 1e-4, targetCount: 5)
        XCTAssertEqual(NiceTicks.labels(for: mixed), ["0", "2.5×10^{−5}", "5.0×10^{−5}", "7.5×10^{−5}", "1.0×10^{−4}"])
    }

    func testHugeTicksUseScientificLabels() {
        let ticks = NiceTicks.linear(minimum: 0, maximum: 4e6, targetCount: 5)
        XCTAssertEqual(NiceTicks.labels(for: ticks), ["0", "1×10^{6}", "2×10^{6}", "3×10^{6}", "4×10^{6}"])
    }

    func testLogTicksHaveATickInEveryDecade() {
        for (low, high) in [(3e-5, 2.0), (1e-8, 100), (1e-12, 1e3), (0.02, 0.9), (1.0, 1e6), (7e-300, 1e-290), (2, 3)] {
            for maximum in 3...8 {
                let ticks = NiceTicks.logDecades(minimum: low, maximum: high, maximumCount: maximum)
                let context = "[\(low), \(high)] max \(maximum): \(ticks.values) minor \(ticks.minorValues)"
                XCTAssertLessThanOrEqual(ticks.values.count, Swift.max(maximum, 2), context)
                XCTAssertLessThanOrEqual(ticks.lower, low * (1 + 1e-12), context)
                XCTAssertGreaterThanOrEqual(ticks.upper, high * (1 - 1e-12), context)
                let all = Set((ticks.values + ticks.minorValues).map { log10($0) })
                let first = Int(ceil(log10(ticks.lower) - 1e-9)), last = Int(floor(log10(ticks.upper) + 1e-9))
                for decade in Swift.stride(from: Swift.max(first, -320), through: last, by: 1) {
                    XCTAssertTrue(all.contains { abs($0 - Double(decade)) < 1e-9 }, "decade \(decade) missing: " + context)
                }
                let labels = NiceTicks.logLabels(for: ticks)
                let powers = labels.filter { $0.contains("10^{") }
                XCTAssertTrue(powers.isEmpty || powers.count == labels.count, "mixed formats \(labels)")
            }
        }
    }

    func testLogLabelsArePowersOfTenOutsideThePlainRange() {
        let ticks = NiceTicks.logDecades(minimum: 3e-5, maximum: 2)
        XCTAssertEqual(ticks.values.count, 7)
        XCTAssertEqual(ticks.values.first!, 1e-5, accuracy: 1e-20)
        XCTAssertEqual(ticks.values.last!, 10, accuracy: 1e-12)
        XCTAssertEqual(NiceTicks.logLabels(for: ticks),
                       ["10^{−5}", "10^{−4}", "10^{−3}", "10^{−2}", "10^{−1}", "10^{0}", "10^{1}"])
        let plain = NiceTicks.logDecades(minimum: 0.004, maximum: 700)
        XCTAssertEqual(NiceTicks.logLabels(for: plain), ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
    }

    func testShortLogSpansGetOneTwoFiveTicks() {
        let ticks = NiceTicks.logDecades(minimum: 0.3, maximum: 3)
        XCTAssertEqual(ticks.values, [0.2, 0.5, 1, 2, 5])
        XCTAssertEqual(NiceTicks.logLabels(for: ticks), ["0.2", "0.5", "1", "2", "5"])
    }

    func testManyDecadesAreLabelledAtRoundStrides() {
        let ticks = NiceTicks.logDecades(minimum: 1e-12, maximum: 1e3, maximumCount: 8)
        XCTAssertEqual(ticks.step, 2)
        XCTAssertEqual(ticks.values.map { Int(log10($0).rounded()) }, [-12, -10, -8, -6, -4, -2, 0, 2])
        XCTAssertEqual(ticks.minorValues.count, 8)
        // The axis ends at the data's decades, not at the next labelled one.
        XCTAssertEqual(ticks.upper, 1e3)
        let five = NiceTicks.logDecades(minimum: 1e-8, maximum: 100, maximumCount: 5)
        XCTAssertEqual(five.values.map { Int(log10($0).rounded()) }, [-6, -3, 0])
        XCTAssertEqual(five.lower, 1e-8, accuracy: 1e-22)
        XCTAssertEqual(five.upper, 100)
    }
}
