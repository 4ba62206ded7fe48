import Foundation
import XCTest
@testable import NeuralEngine

/// The vectorisable Float exp/tanh/sigmoid against Double references.
final class CoreFastMathTests: XCTestCase {
    /// Largest error in units of Float's spacing at the reference value.
    func maxUlpError(_ f: (Float) -> Float, _ reference: (Double) -> Double, over values: [Float]) -> Double {
        var worst = 0.0
        for x in values {
            let exact = reference(Double(x))
            let ulp = Double(Float(exact).ulp)
            if ulp == 0 || !exact.isFinite { continue }
            worst = Swift.max(worst, Swift.abs(Double(f(x)) - exact) / ulp)
        }
        return worst
    }

    let grid: [Float] = stride(from: -30.0, through: 30.0, by: 0.0137).map { Float($0) }
    let small: [Float] = stride(from: -1.0, through: 1.0, by: 0.000731).map { Float($0) }

    func testExpIsAccurate() {
        let wide: [Float] = stride(from: -103.0, through: 88.7, by: 0.0513).map { Float($0) }
        XCTAssertLessThan(maxUlpError(FastMath.exp, Foundation.exp, over: wide + small), 3)
        XCTAssertEqual(FastMath.exp(0), 1)
        XCTAssertEqual(FastMath.exp(100), .infinity)
        XCTAssertEqual(FastMath.exp(-200), 0)
        XCTAssertTrue(FastMath.exp(.nan).isNaN)
        XCTAssertEqual(FastMath.exp(-.infinity), 0)
    }

    func testTanhIsAccurate() {
        XCTAssertLessThan(maxUlpError(FastMath.tanh, Foundation.tanh, over: grid + small), 5)
        XCTAssertEqual(FastMath.tanh(50), 1)
        XCTAssertEqual(FastMath.tanh(-50), -1)
        XCTAssertEqual(FastMath.tanh(0), 0)
        XCTAssertEqual(FastMath.tanh(1e-20), 1e-20)
        XCTAssertTrue(FastMath.tanh(.nan).isNaN)
    }

    func testSigmoidIsAccurate() {
        XCTAssertLessThan(maxUlpError(FastMath.sigmoid, { 1 / (1 + Foundation.exp(-$0)) }, over: grid + small), 4)
        XCTAssertEqual(FastMath.sigmoid(200), 1)
        XCTAssertEqual(FastMath.sigmoid(-200), 0)
    }

    func testTensorPathsUseTheSameValues() {
        let x = Tensor(grid, shape: [grid.count])
        XCTAssertEqual(x.tanh().scalars, grid.map(FastMath.tanh))
        XCTAssertEqual(x.exp().scalars, grid.map(FastMath.exp))
    }
}
