import XCTest
@testable import NeuralEngine

/// Float64 gradient checks of the element-wise primitives (relative error < 1e-7).
final class CoreElementwiseGradientTests: XCTestCase {
    let x = CoreTestSupport.randn([3, 4], seed: 1)
    let positive = CoreTestSupport.rand([3, 4], low: 0.5, high: 2, seed: 2)

    func testArithmeticWithBroadcasting() {
        let a = CoreTestSupport.randn([2, 3, 4], seed: 3)
        let row = CoreTestSupport.randn([4], seed: 4)
        let column = CoreTestSupport.rand([3, 1], low: 0.5, high: 2, seed: 5)
        assertGradients("add", inputs: [a, row]) { $0[0] + $0[1] }
        assertGradients("sub", inputs: [a, column]) { $0[0] - $0[1] }
        assertGradients("mul", inputs: [a, row]) { $0[0] * $0[1] }
        assertGradients("div", inputs: [a, column]) { $0[0] / $0[1] }
        assertGradients("neg", inputs: [a]) { -$0[0] }
        assertGradients("scalar ops", inputs: [a]) { (2.0 * $0[0] + 1.0) / 3.0 - 0.5 }
        assertGradients("reflected scalar ops", inputs: [column]) { 1.0 / $0[0] + (2.0 - $0[0]) }
    }

    func testSmoothUnaryFunctions() {
        assertGradients("exp", inputs: [x]) { $0[0].exp() }
        assertGradients("log", inputs: [positive]) { $0[0].log() }
        assertGradients("sqrt", inputs: [positive]) { $0[0].sqrt() }
        assertGradients("pow", inputs: [positive]) { $0[0].pow(2.5) }
        assertGradients("square", inputs: [x]) { $0[0].square() }
        assertGradients("tanh", inputs: [x]) { $0[0].tanh() }
        assertGradients("sigmoid", inputs: [x]) { $0[0].sigmoid() }
        assertGradients("gelu", inputs: [x]) { $0[0].gelu() }
        assertGradients("softplus", inputs: [x]) { $0[0].softplus() }
    }

    func testFunctionsWithKinks() {
        let k = CoreTestSupport.awayFromZero([3, 4], seed: 6)
        assertGradients("relu", inputs: [k], tolerance: 1e-4) { $0[0].relu() }
        assertGradients("leakyRelu", inputs: [k], tolerance: 1e-4) { $0[0].leakyRelu(slope: 0.1) }
        assertGradients("elu", inputs: [k], tolerance: 1e-4) { $0[0].elu(alpha: 0.7) }
        assertGradients("abs", inputs: [k], tolerance: 1e-4) { $0[0].abs() }
        // Bounds at ±0.5 while no element lies within 1e-3 of them.
        let c = Tensor(k.doubles.map { Swift.abs(Swift.abs($0) - 0.5) < 1e-3 ? $0 + 0.01 : $0 }, shape: k.shape, dtype: k.dtype)
        assertGradients("clamp", inputs: [c], tolerance: 1e-4) { $0[0].clamp(min: -0.5, max: 0.5) }
    }

    func testFreeFunctionsMatchMethods() {
        XCTAssertEqual(relu(x).doubles, x.relu().doubles)
        XCTAssertEqual(sigmoid(x).doubles, x.sigmoid().doubles)
        XCTAssertEqual(tanh(x).doubles, x.tanh().doubles)
        XCTAssertEqual(exp(x).doubles, x.exp().doubles)
        XCTAssertEqual(log(positive).doubles, positive.log().doubles)
    }

    func testSigmoidAndSoftplusAreStableForLargeInputs() {
        let big = Tensor([-1000, -50, 0, 50, 1000], shape: [5], dtype: .float32)
        XCTAssertEqual(big.sigmoid().doubles, [0, 1.9287498479639178e-22, 0.5, 1, 1].map { Double(Float($0)) })
        let sp = big.softplus().doubles
        XCTAssertEqual(sp[4], 1000)
        XCTAssertEqual(sp[0], 0)
        XCTAssertTrue(sp.allSatisfy(\.isFinite))
    }

    func testActivationValues() {
        let v = Tensor([-2, -0.5, 0, 1.5], shape: [4], dtype: .float64)
        assertClose(v.relu().doubles, [0, 0, 0, 1.5])
        assertClose(v.leakyRelu(slope: 0.1).doubles, [-0.2, -0.05, 0, 1.5])
        assertClose(v.elu().doubles, [Foundation.exp(-2) - 1, Foundation.exp(-0.5) - 1, 0, 1.5])
        // GELU(x) = x·Φ(x); Φ(1.5) = 0.9331927987311419.
        XCTAssertEqual(v.gelu().doubles[3], 1.5 * 0.9331927987311419, accuracy: 1e-12)
    }
}
