import XCTest
@testable import NeuralEngine

/// The fused normalization kernel against the same computation from Tensor primitives: values and
/// gradients (input, γ, β) must agree to rounding error.
final class LayerNormalizationKernelTests: XCTestCase {
    /// Runs `fused` and `composite` on the same Float64 input with random γ, β, and compares outputs and gradients.
    private func compare(_ layer: Module, input shape: [Int], composite: (Tensor, Tensor, Tensor) -> Tensor,
                         file: StaticString = #filePath, line: UInt = #line) {
        let params = layer.parameters()
        XCTAssertEqual(params.count, 2, file: file, line: line)
        for (i, p) in params.enumerated() {
            p.assign(NNTest.randn(p.shape, seed: UInt64(100 + i)))
        }
        let (gamma, beta) = (params[0], params[1])
        let x = NNTest.randn(shape, seed: 1).requiringGrad()
        let seed = NNTest.randn(shape, seed: 2)

        let fusedOut = layer(x)
        fusedOut.backward(seed)
        let fused = [fusedOut.doubles, x.grad!.doubles, gamma.grad!.doubles, beta.grad!.doubles]

        x.grad = nil; gamma.grad = nil; beta.grad = nil
        let compositeOut = composite(x, gamma, beta)
        compositeOut.backward(seed)
        let reference = [compositeOut.doubles, x.grad!.doubles, gamma.grad!.doubles, beta.grad!.doubles]
        for (name, (a, b)) in zip(["output", "dx", "dgamma", "dbeta"], zip(fused, reference)) {
            for (u, v) in zip(a, b) where Swift.abs(u - v) > 1e-10 * (1 + Swift.abs(v)) {
                XCTFail("\(layer.summary) \(name): fused \(u) vs composite \(v)", file: file, line: line)
                break
            }
        }
    }

    func testBatchNorm2dTraining() {
        compare(BatchNorm2d(3, dtype: .float64), input: [4, 3, 2, 3]) { x, g, b in
            standardize(x, axes: [0, 2, 3]).xHat * g.reshape([1, 3, 1, 1]) + b.reshape([1, 3, 1, 1])
        }
    }

    func testBatchNorm1dTraining() {
        compare(BatchNorm1d(5, dtype: .float64), input: [6, 5]) { x, g, b in
            standardize(x, axes: [0]).xHat * g + b
        }
    }

    func testBatchNormEvalWithRunningStatistics() {
        let bn = BatchNorm2d(3, dtype: .float64)
        _ = bn(NNTest.randn([5, 3, 2, 2], seed: 9) * 2 + 1)
        bn.eval()
        let rm = bn.runningMean.reshape([1, 3, 1, 1]), rv = bn.runningVar.reshape([1, 3, 1, 1])
        compare(bn, input: [2, 3, 2, 2]) { x, g, b in
            (x - rm) / (rv + 1e-5).sqrt() * g.reshape([1, 3, 1, 1]) + b.reshape([1, 3, 1, 1])
        }
    }

    func testGroupNorm() {
        compare(GroupNorm(2, 6, dtype: .float64), input: [3, 6, 2, 2]) { x, g, b in
            let grouped = standardize(x.reshape([3, 2, -1]), axes: [2]).xHat.reshape([3, 6, 2, 2])
            return grouped * g.reshape([1, 6, 1, 1]) + b.reshape([1, 6, 1, 1])
        }
    }

    func testLayerNormAndInstanceNorm() {
        compare(LayerNorm([3, 4], dtype: .float64), input: [2, 5, 3, 4]) { x, g, b in
            standardize(x, axes: [2, 3]).xHat * g + b
        }
        compare(InstanceNorm2d(3, affine: true, dtype: .float64), input: [2, 3, 3, 3]) { x, g, b in
            standardize(x, axes: [2, 3]).xHat * g.reshape([1, 3, 1, 1]) + b.reshape([1, 3, 1, 1])
        }
    }
}
