import XCTest
@testable import NeuralEngine

/// Closed-form properties of the normalization layers.
final class LayerNormalizationTests: XCTestCase {
    /// Per-channel mean and biased variance of `[N, C, H, W]` values.
    private func channelStats(_ t: Tensor) -> [(mean: Double, variance: Double)] {
        let (n, c, hw) = (t.shape[0], t.shape[1], t.shape[2] * t.shape[3])
        let v = t.doubles
        return (0..<c).map { ch in
            var values: [Double] = []
            for i in 0..<n { values += v[((i * c + ch) * hw)..<((i * c + ch + 1) * hw)] }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
            return (mean, variance)
        }
    }

    func testBatchNormTrainingOutputHasZeroMeanUnitVariancePerChannel() {
        let x = NNTest.randn([8, 3, 4, 4], seed: 1) * 3 + 5
        let y = BatchNorm2d(3, dtype: .float64)(x)
        for (mean, variance) in channelStats(y) {
            XCTAssertEqual(mean, 0, accuracy: 1e-12)
            // x̂ = (x − μ)/√(σ² + ε) has variance σ²/(σ² + ε) ≈ 1 − ε/σ² (σ² ≈ 9 here).
            XCTAssertEqual(variance, 1, accuracy: 1e-5)
        }
    }

    func testBatchNormRunningStatisticsUseUnbiasedVarianceAndMomentum() {
        let bn = BatchNorm1d(2, dtype: .float64)
        let x = Tensor([[1, 10], [2, 20], [4, 30], [5, 60]], dtype: .float64)
        _ = bn(x)
        // Column 0: mean 3, unbiased variance (4+1+1+4)/3 = 10/3; column 1: mean 30, unbiased (400+100+0+900)/3.
        NNTest.assertClose(bn.runningMean.doubles, [0.1 * 3, 0.1 * 30], tolerance: 1e-12)
        NNTest.assertClose(bn.runningVar.doubles, [0.9 + 0.1 * 10 / 3, 0.9 + 0.1 * 1400 / 3], tolerance: 1e-12)
    }

    func testEvalBatchNormUsesRunningStatistics() {
        let bn = BatchNorm1d(2, dtype: .float64)
        let x = Tensor([[1, 10], [2, 20], [4, 30], [5, 60]], dtype: .float64)
        _ = bn(x)
        bn.eval()
        let probe = Tensor([[3, 30]], dtype: .float64)
        let y = bn(probe).doubles
        let rm = bn.runningMean.doubles, rv = bn.runningVar.doubles
        let expected = (0..<2).map { (probe.doubles[$0] - rm[$0]) / (rv[$0] + 1e-5).squareRoot() }
        NNTest.assertClose(y, expected, tolerance: 1e-12)
        // A single example works in eval mode (it would trap in training mode).
        XCTAssertEqual(bn(probe).shape, [1, 2])
    }

    func testGroupNormWithOneGroupEqualsLayerNormOverCHW() {
        let x = NNTest.randn([3, 4, 2, 5], seed: 2)
        let group = GroupNorm(1, 4, dtype: .float64)(x).doubles
        let layer = LayerNorm([4, 2, 5], dtype: .float64)(x).doubles
        NNTest.assertClose(group, layer, tolerance: 1e-12)
    }

    func testGroupNormWithOneGroupPerChannelEqualsInstanceNorm() {
        let x = NNTest.randn([3, 4, 2, 5], seed: 3)
        let group = GroupNorm(4, 4, dtype: .float64)(x).doubles
        let instance = InstanceNorm2d(4, affine: true, dtype: .float64)(x).doubles
        NNTest.assertClose(group, instance, tolerance: 1e-12)
        NNTest.assertClose(group, InstanceNorm2d(4, dtype: .float64)(x).doubles, tolerance: 1e-12)
    }

    func testLayerNormNormalizesEachSample() {
        let x = NNTest.randn([4, 6], seed: 4) * 2 + 1
        let y = LayerNorm([6], dtype: .float64)(x).doubles
        for row in 0..<4 {
            let values = Array(y[(row * 6)..<(row * 6 + 6)])
            let mean = values.reduce(0, +) / 6
            XCTAssertEqual(mean, 0, accuracy: 1e-12)
            XCTAssertEqual(values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 6, 1, accuracy: 1e-4)
        }
    }

    func testStateDictRoundTripIncludesRunningStatistics() {
        let model = Sequential([Linear(2, 3, generator: RandomGenerator(seed: 1)), BatchNorm1d(3)])
        XCTAssertEqual(model.namedParameters().map(\.0), ["0.weight", "0.bias", "1.weight", "1.bias"])
        XCTAssertEqual(model.namedBuffers().map(\.0), ["1.running_mean", "1.running_var"])
        let saved = model.stateDict()
        _ = model(Tensor([[1, 2], [3, 4], [5, 7]]))
        (model[0] as! Linear).weight.assign(Tensor.zeros([3, 2]))
        model.loadStateDict(saved)
        XCTAssertEqual(model.stateDict()["0.weight"]!.scalars, saved["0.weight"]!.scalars)
        XCTAssertEqual(model.stateDict()["1.running_mean"]!.scalars, [0, 0, 0])
    }
}
