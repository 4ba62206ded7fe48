import XCTest
@testable import NeuralEngine

/// Gradient checks and values of reductions, softmax and norms.
final class CoreReductionGradientTests: XCTestCase {
    let x = CoreTestSupport.randn([2, 3, 4], seed: 11)

    func testSumAndMeanOverAnyAxes() {
        assertGradients("sum all", inputs: [x]) { $0[0].sum() * $0[0].sum() }
        assertGradients("sum axis 1", inputs: [x]) { $0[0].sum(axes: [1]) }
        assertGradients("sum axes 0,2 keepDims", inputs: [x]) { $0[0].sum(axes: [0, -1], keepDims: true) * $0[0] }
        assertGradients("mean", inputs: [x]) { $0[0].mean(axes: [2]) }
        XCTAssertEqual(x.sum(axes: [1]).shape, [2, 4])
        XCTAssertEqual(x.mean(axes: [0, 2], keepDims: true).shape, [1, 3, 1])
        XCTAssertEqual(x.sum().shape, [])
    }

    func testVarianceStdNorm() {
        assertGradients("variance biased", inputs: [x]) { $0[0].variance(axes: [2]) }
        assertGradients("variance unbiased", inputs: [x]) { $0[0].variance(axes: [0, 2], unbiased: true) }
        assertGradients("std", inputs: [x]) { $0[0].std(axes: [1], keepDims: true) }
        assertGradients("norm 2", inputs: [x]) { $0[0].norm(axes: [2]) }
        assertGradients("norm 3", inputs: [x]) { $0[0].norm(p: 3) }
        let k = CoreTestSupport.awayFromZero([3, 4], seed: 12)
        assertGradients("norm 1", inputs: [k], tolerance: 1e-4) { $0[0].norm(p: 1, axes: [1]) }
    }

    func testVarianceMatchesDefinition() {
        let v = Tensor([1, 2, 3, 4], shape: [4], dtype: .float64)
        XCTAssertEqual(v.variance().item(), 1.25, accuracy: 1e-15)
        XCTAssertEqual(v.variance(unbiased: true).item(), 5.0 / 3.0, accuracy: 1e-15)
        XCTAssertEqual(v.std().item(), 1.25.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(Tensor([3, 4], shape: [2], dtype: .float64).norm().item(), 5, accuracy: 1e-15)
    }

    func testMaxMinAndTies() {
        assertGradients("max axis", inputs: [x]) { $0[0].max(axes: [1]) }
        assertGradients("min all", inputs: [x]) { $0[0].min() }
        let tied = Tensor([1, 3, 3, 2], shape: [4], dtype: .float64).requiringGrad()
        tied.max().backward()
        XCTAssertEqual(tied.grad!.doubles, [0, 0.5, 0.5, 0])
        let m = Tensor([[1, 5, 2], [7, 0, 7]], dtype: .float64)
        XCTAssertEqual(m.max(axis: 1).doubles, [5, 7])
        XCTAssertEqual(m.min(axis: 0).doubles, [1, 0, 2])
        XCTAssertEqual(m.argmax(axis: 1), [1, 0])       // first index on ties
        XCTAssertEqual(m.argmax(axis: 0), [1, 0, 1])
        XCTAssertEqual(m.argmaxIndices(axis: 1).doubles, [1, 0])
    }

    func testSoftmaxFamily() {
        assertGradients("softmax", inputs: [x]) { $0[0].softmax(axis: -1) }
        assertGradients("softmax axis 1", inputs: [x]) { $0[0].softmax(axis: 1) }
        assertGradients("logSoftmax", inputs: [x]) { $0[0].logSoftmax() }
        assertGradients("logSumExp", inputs: [x]) { $0[0].logSumExp(axes: [2]) }
        let rowSums = x.softmax(axis: 1).sum(axes: [1]).doubles
        assertClose(rowSums, [Double](repeating: 1, count: rowSums.count), accuracy: 1e-14)
    }

    func testSoftmaxIsStableForHugeLogits() {
        let logits = Tensor([[1000, 1001, 1002], [-1000, 0, 1000]], dtype: .float32)
        let p = logits.softmax().doubles
        XCTAssertTrue(p.allSatisfy(\.isFinite))
        let e = [Foundation.exp(-2.0), Foundation.exp(-1.0), 1.0]
        let z = e.reduce(0, +)
        assertClose(Array(p[0..<3]), e.map { $0 / z }, accuracy: 1e-6)
        let lp = logits.logSoftmax().doubles
        XCTAssertEqual(lp[3], -2000, accuracy: 1e-3)
        XCTAssertEqual(lp[5], 0, accuracy: 1e-6)
    }

    func testFusedLogSoftmaxMatchesComposite() {
        // logSoftmax (log-sum-exp form) against the naive log(softmax(x)) composite, values and gradients.
        let a = x.detach().requiringGrad(), b = x.detach().requiringGrad()
        let w = CoreTestSupport.randn(x.shape, seed: 13)
        (a.logSoftmax() * w).sum().backward()
        (b.softmax().log() * w).sum().backward()
        assertClose(a.grad!.doubles, b.grad!.doubles, accuracy: 1e-12)
    }
}
