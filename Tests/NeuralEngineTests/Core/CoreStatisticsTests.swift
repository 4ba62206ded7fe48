import XCTest
@testable import NeuralEngine

/// Histogram, quantiles and summary values (checked against NumPy's definitions).
final class CoreStatisticsTests: XCTestCase {
    let v = Tensor([1, 2, 2, 3, 4, 5, 9, -1], shape: [8], dtype: .float64)

    func testHistogramLikeNumPy() {
        // numpy.histogram([1,2,2,3,4,5,9,-1], bins=5) -> counts [1, 3, 2, 1, 1], edges -1, 1, 3, 5, 7, 9.
        let h = v.histogram(bins: 5)
        XCTAssertEqual(h.edges, [-1, 1, 3, 5, 7, 9])
        XCTAssertEqual(h.counts, [1, 3, 2, 1, 1])
        XCTAssertEqual(h.centers, [0, 2, 4, 6, 8])
        XCTAssertEqual(h.densities.reduce(0) { $0 + $1 * h.binWidth }, 1, accuracy: 1e-12)
        let clipped = v.histogram(bins: 2, range: 0...4)
        XCTAssertEqual(clipped.counts, [1, 4])    // 9 and −1 fall outside; 4 is in the closed last bin
        XCTAssertEqual(Tensor.full([3], value: 2).histogram(bins: 2).edges, [1.5, 2, 2.5])
    }

    func testQuantilesInterpolateLinearly() {
        // Sorted: −1 1 2 2 3 4 5 9; q = 0.5 -> position 3.5 -> (2 + 3) / 2.
        XCTAssertEqual(v.quantile(0.5), 2.5)
        XCTAssertEqual(v.quantiles([0, 1, 0.25]), [-1, 9, 1.75])
    }

    func testSummaryValues() {
        XCTAssertEqual(v.meanValue, 25.0 / 8.0)
        XCTAssertEqual(v.minValue, -1)
        XCTAssertEqual(v.maxValue, 9)
        let m = v.meanValue
        let expected = (v.doubles.map { ($0 - m) * ($0 - m) }.reduce(0, +) / 8).squareRoot()
        XCTAssertEqual(v.stdValue, expected, accuracy: 1e-12)
        XCTAssertEqual(v.fractionAbove(2), 4.0 / 8.0)
        XCTAssertEqual(Tensor([-0.999, 0.995, 0.5, -0.2], shape: [4]).fractionAbove(0.99), 0.5)
    }

    func testAccuracy() {
        let scores = Tensor([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]])
        XCTAssertEqual(scores.accuracy(labels: [1, 0, 0]), 2.0 / 3.0)
    }
}
