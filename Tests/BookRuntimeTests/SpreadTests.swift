@testable import BookRuntime
import XCTest

/// `Spread` against values computed by hand, and the seed bands built on it.
final class SpreadTests: XCTestCase {
    // 1, 2, 3, 4, 10: mean 20/5 = 4; squared deviations 9 + 4 + 1 + 0 + 36 = 50; sample variance
    // 50/4 = 12.5; sd √12.5 = 3.5355339; standard error √(12.5/5) = √2.5 = 1.5811388; with
    // t(0.975, 4) = 2.776445 the 95% interval is 4 ± 2.776445 · 1.5811388 = 4 ± 4.3899450.
    let sample = Spread([1.0, 2, 3, 4, 10])

    func testMeanSampleStandardDeviationAndStandardError() {
        XCTAssertEqual(sample.count, 5)
        XCTAssertEqual(sample.mean, 4)
        XCTAssertEqual(sample.variance, 12.5, accuracy: 1e-12)
        XCTAssertEqual(sample.sd, 3.5355339059327378, accuracy: 1e-12)
        XCTAssertEqual(sample.standardError, 1.5811388300841898, accuracy: 1e-12)
        XCTAssertEqual(sample.min, 1)
        XCTAssertEqual(sample.max, 10)
        // The divisor is n − 1: the population formula (divisor n) would give √10 = 3.162.
        XCTAssertGreaterThan(sample.sd, 10.0.squareRoot() + 0.3)
    }

    func testConfidenceIntervalUsesStudentsTForNMinusOneDegreesOfFreedom() {
        XCTAssertEqual(sample.tQuantile, 2.776445)
        XCTAssertEqual(sample.margin, 4.389945, accuracy: 1e-6)
        XCTAssertEqual(sample.low, -0.389945, accuracy: 1e-6)
        XCTAssertEqual(sample.high, 8.389945, accuracy: 1e-6)
        // A normal quantile (1.96) or n degrees of freedom (2.571) would give a narrower interval.
        XCTAssertGreaterThan(sample.margin, 2.571 * sample.standardError + 0.1)
    }

    func testStudentsTQuantilesFromTheTableAndTheExpansion() {
        // Printed tables (three decimals): 12.706, 4.303, 2.262 (9), 2.086 (20), 2.042 (30).
        for (nu, printed) in [(1, 12.706), (2, 4.303), (9, 2.262), (20, 2.086), (30, 2.042)] {
            XCTAssertEqual(Spread.studentT975(degreesOfFreedom: nu), printed, accuracy: 5e-4, "ν = \(nu)")
        }
        // Beyond the table, the Cornish–Fisher expansion: SciPy's t.ppf(0.975, ν) to 1e-6.
        for (nu, exact) in [(31, 2.039513), (40, 2.021075), (100, 1.983972), (1000, 1.962339)] {
            XCTAssertEqual(Spread.studentT975(degreesOfFreedom: nu), exact, accuracy: 1e-6, "ν = \(nu)")
        }
        // The quantile falls with ν towards the normal 1.96, and table and expansion meet smoothly.
        let values = (1...60).map { Spread.studentT975(degreesOfFreedom: $0) }
        XCTAssertTrue(zip(values, values.dropFirst()).allSatisfy { $0 > $1 })
        XCTAssertGreaterThan(values.last!, 1.959964)
    }

    func testPairedDifferencesAndTheirInterval() {
        // Differences 0.02, 0.03, 0.00: mean 0.05/3; deviations 1/300, 4/300, −5/300, squares summed
        // 42/90000, variance 21/90000, sd 0.0152753; margin 4.302653 · 0.0152753 / √3 = 0.0379458.
        let d = Spread.paired([0.91, 0.93, 0.90], [0.89, 0.90, 0.90])
        XCTAssertEqual(d.values.count, 3)
        XCTAssertEqual(d.mean, 0.05 / 3, accuracy: 1e-12)
        XCTAssertEqual(d.sd, (21.0 / 90000).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(d.margin, 0.0379458, accuracy: 1e-7)
        XCTAssertEqual(d.intervalText(1, scale: 100), "-2.1 to 5.5")
        XCTAssertEqual(d.signedMean(1, scale: 100), "+1.7")
    }

    func testGeometricMean() {
        XCTAssertEqual(Spread([1.0, 100]).geometricMean, 10, accuracy: 1e-12)
        XCTAssertEqual(Spread([2.0, 8, 4]).geometricMean, 4, accuracy: 1e-12)
    }

    func testFixedDigitsPercentAndScientificText() {
        XCTAssertEqual(sample.text(2), "4.00 ± 3.54")
        XCTAssertEqual(Spread([0.912, 0.915, 0.909]).percent(), "91.2 ± 0.3%")
        XCTAssertEqual(Spread([0.912, 0.915, 0.909]).text(1, scale: 100), "91.2 ± 0.3")
        XCTAssertEqual(Spread([0.0123, 0.0123 + 0.0045 * 2.0.squareRoot()]).scientific(), "1.55e-02 ± 4.5e-03")
        XCTAssertEqual(Spread([0.0, 0]).scientific(), "0.00e+00 ± 0.0e+00")
    }

    func testAdaptiveTextKeepsTheSdsFirstTwoSignificantDigits() {
        // sd 0.00129 → 4 decimals; sd 0.17 → 2; sd 3.5 → 1; sd 0 → 3; both below 0.001 → scientific.
        XCTAssertEqual(Spread([0.2270, 0.2282, 0.2295]).text(), "0.2282 ± 0.0013")
        XCTAssertEqual(Spread([1.0, 1.2, 1.34]).text(), "1.18 ± 0.17")
        XCTAssertEqual(sample.text(), "4.0 ± 3.5")
        XCTAssertEqual(Spread([2.0, 2, 2]).text(), "2.000 ± 0.000")
        XCTAssertEqual(Spread([1e-5, 3e-5]).text(), "2.00e-05 ± 1.4e-05")
        XCTAssertEqual("\(sample)", "4.0 ± 3.5")
        XCTAssertEqual("\(Spread([7.0]))", "7.0")
    }

    func testNoFormatPrintsANegativeZero() {
        let nearZero = Spread([-0.0004, 0.0001, -0.0002])
        XCTAssertEqual(nearZero.text(1), "0.0 ± 0.0")
        XCTAssertEqual(nearZero.percent(0), "0 ± 0%")
        XCTAssertEqual(nearZero.signedMean(2), "0.00")
        XCTAssertEqual(Spread([-0.0003, -0.0001]).intervalText(1), "0.0 to 0.0")
        XCTAssertEqual(Spread([-0.0, -0.0]).scientific(), "0.00e+00 ± 0.0e+00")
        XCTAssertEqual(Spread([-0.03, -0.01]).signedMean(2), "-0.02")
        XCTAssertEqual(Spread([0.04, 0.06]).signedMean(2), "+0.05")
    }

    // MARK: Seed bands

    func testASeedBandFollowsTheMeanBetweenTheLowestAndHighestRun() throws {
        let series = LineSeries(name: "BN", x: [1, 2], runs: [[1, 10], [2, 20], [6, 30]])
        XCTAssertEqual(series.y, [3, 20])
        let band = try XCTUnwrap(series.band)
        XCTAssertEqual(band.lower, [1, 10])
        XCTAssertEqual(band.upper, [6, 30])
        XCTAssertEqual(band.meaning, "lowest to highest of 3 seeds")
    }

    func testASeedBandCanShowTheSdAroundTheMeanOrFollowTheGeometricMean() throws {
        // At x = 1: 1, 2, 6 have mean 3 and sd √((4 + 1 + 9)/2) = √7.
        let sd = LineSeries(name: "s", x: [1], runs: [[1], [2], [6]], band: .standardDeviation, unit: "fold")
        let band = try XCTUnwrap(sd.band)
        XCTAssertEqual(band.lower[0], 3 - 7.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(band.upper[0], 3 + 7.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(band.meaning, "mean ± sd over 3 folds")
        let geometric = LineSeries(name: "g", x: [1], runs: [[1], [10], [100]], center: .geometricMean)
        XCTAssertEqual(geometric.y[0], 10, accuracy: 1e-12)
        XCTAssertEqual(geometric.band?.lower, [1])
        XCTAssertEqual(geometric.band?.upper, [100])
    }

    func testASeedBandChartNamesItsBandInTheTextAlternative() {
        let chart = LineChart(title: "t", series: [LineSeries(name: "a", x: [1, 2], runs: [[1, 2], [3, 4]])])
        XCTAssertTrue(chart.altText.contains("shaded band around the line: lowest to highest of 2 seeds"), chart.altText)
        XCTAssertTrue(chart.svg().contains("nb-band nb-band-1"))
    }
}
