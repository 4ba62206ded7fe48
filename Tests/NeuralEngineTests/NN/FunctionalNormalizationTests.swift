import XCTest
@testable import NeuralEngine

/// The functional normalizations (`batchNorm`, `layerNorm`, `groupNorm`, `instanceNorm`): the layers
/// against them, closed forms for the running statistics, and Float64 central-difference checks of
/// the input, γ and β gradients.
final class FunctionalNormalizationTests: XCTestCase {
    private func randn(_ shape: [Int], seed: UInt64) -> Tensor { NNTest.randn(shape, seed: seed) }

    /// Per-channel mean and unbiased variance of `[N, C, *]` values over every axis except 1.
    private func channelStatistics(_ x: Tensor) -> (mean: [Double], unbiased: [Double]) {
        let (n, c) = (x.shape[0], x.shape[1]), s = x.count / (x.shape[0] * x.shape[1])
        let v = x.doubles
        var means: [Double] = [], variances: [Double] = []
        for ch in 0..<c {
            var values: [Double] = []
            for i in 0..<n { values += v[((i * c + ch) * s)..<((i * c + ch + 1) * s)] }
            let count = Double(values.count)
            let mean: Double = values.reduce(0, +) / count
            let squares: Double = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
            means.append(mean)
            variances.append(squares / (count - 1))
        }
        return (means, variances)
    }

    func testBatchNormLayerIsTheFunctionalForm() {
        let layer = BatchNorm2d(3, momentum: 0.3, dtype: .float64)
        layer.weight!.assign(randn([3], seed: 1))
        layer.bias!.assign(randn([3], seed: 2))
        let mean = Tensor.zeros([3], dtype: .float64), variance = Tensor.ones([3], dtype: .float64)
        for step in 0..<3 {
            let x = randn([4, 3, 2, 5], seed: UInt64(10 + step)) * 2 + 1
            let expected = layer(x)
            let y = batchNorm(x, runningMean: mean, runningVar: variance, weight: layer.weight, bias: layer.bias,
                              training: true, momentum: 0.3)
            XCTAssertEqual(y.doubles, expected.doubles)
            XCTAssertEqual(mean.doubles, layer.runningMean.doubles)
            XCTAssertEqual(variance.doubles, layer.runningVar.doubles)
        }
        layer.eval()
        let probe = randn([2, 3, 2, 5], seed: 20)
        XCTAssertEqual(batchNorm(probe, runningMean: mean, runningVar: variance, weight: layer.weight, bias: layer.bias).doubles,
                       layer(probe).doubles)
    }

    func testBatchNormRunningStatisticsFollowPyTorch() {
        let x = randn([5, 2, 3], seed: 3) * 3 + 2
        let mean = Tensor([0.5, -1], dtype: .float64), variance = Tensor([2, 0.5], dtype: .float64)
        _ = batchNorm(x, runningMean: mean, runningVar: variance, training: true, momentum: 0.2)
        let batch = channelStatistics(x)
        // running ← 0.8·running + 0.2·batch, with the unbiased batch variance (15 values per channel).
        NNTest.assertClose(mean.doubles, [0.8 * 0.5 + 0.2 * batch.mean[0], 0.8 * -1 + 0.2 * batch.mean[1]], tolerance: 1e-14)
        NNTest.assertClose(variance.doubles, [0.8 * 2 + 0.2 * batch.unbiased[0], 0.8 * 0.5 + 0.2 * batch.unbiased[1]],
                           tolerance: 1e-13)
        // Without running statistics, training mode still normalizes with the batch statistics.
        let y = batchNorm(x, runningMean: nil, runningVar: nil, training: true)
        XCTAssertLessThan(y.maxAbsDifference(standardize(x, axes: [0, 2]).xHat), 1e-12)
    }

    func testLayerNormGroupNormInstanceNormLayersAreTheFunctionalForms() {
        let x = randn([2, 4, 3, 3], seed: 4)
        let ln = LayerNorm([3, 3], dtype: .float64)
        ln.weight!.assign(randn([3, 3], seed: 5)); ln.bias!.assign(randn([3, 3], seed: 6))
        XCTAssertEqual(layerNorm(x, normalizedShape: [3, 3], weight: ln.weight, bias: ln.bias).doubles, ln(x).doubles)
        let gn = GroupNorm(2, 4, dtype: .float64)
        gn.weight!.assign(randn([4], seed: 7)); gn.bias!.assign(randn([4], seed: 8))
        XCTAssertEqual(groupNorm(x, numGroups: 2, weight: gn.weight, bias: gn.bias).doubles, gn(x).doubles)
        let inorm = InstanceNorm2d(4, affine: true, dtype: .float64)
        inorm.weight!.assign(randn([4], seed: 9)); inorm.bias!.assign(randn([4], seed: 10))
        XCTAssertEqual(instanceNorm(x, weight: inorm.weight, bias: inorm.bias).doubles, inorm(x).doubles)
    }

    func testFunctionalFormsMatchTheComposite() {
        let x = randn([3, 4, 5], seed: 11) * 2 - 1
        let gamma = randn([4], seed: 12), beta = randn([4], seed: 13)
        let perChannel = { (t: Tensor) in t.reshape([1, 4, 1]) }
        func close(_ a: Tensor, _ b: Tensor, _ name: String) {
            XCTAssertLessThan(a.maxAbsDifference(b), 1e-12, name)
        }
        close(groupNorm(x, numGroups: 2, weight: gamma, bias: beta),
              standardize(x.reshape([3, 2, 10]), axes: [2]).xHat.reshape([3, 4, 5]) * perChannel(gamma) + perChannel(beta),
              "groupNorm")
        close(instanceNorm(x, weight: gamma, bias: beta),
              standardize(x, axes: [2]).xHat * perChannel(gamma) + perChannel(beta), "instanceNorm")
        // Only β: γ defaults to 1.
        close(instanceNorm(x, bias: beta), standardize(x, axes: [2]).xHat + perChannel(beta), "instanceNorm, β only")
        let lnWeight = randn([4, 5], seed: 14)
        close(layerNorm(x, normalizedShape: [4, 5], weight: lnWeight), standardize(x, axes: [1, 2]).xHat * lnWeight, "layerNorm")
        close(layerNorm(x, normalizedShape: [5]), standardize(x, axes: [2]).xHat, "layerNorm over the last axis")
    }

    func testInstanceNormRunningStatisticsAverageThePerInstanceStatistics() {
        let (n, c, s) = (3, 2, 4)
        let x = randn([n, c, s], seed: 15) * 2 + 3
        let mean = Tensor.zeros([c], dtype: .float64), variance = Tensor.ones([c], dtype: .float64)
        _ = instanceNorm(x, runningMean: mean, runningVar: variance, momentum: 0.1)
        // PyTorch: running ← 0.9·running + 0.1·mean over n of each instance's mean / unbiased variance.
        let v = x.doubles
        for ch in 0..<c {
            var meanOfMeans = 0.0, meanOfVariances = 0.0
            for i in 0..<n {
                let values = Array(v[((i * c + ch) * s)..<((i * c + ch + 1) * s)])
                let m: Double = values.reduce(0, +) / Double(s)
                let squares: Double = values.map { ($0 - m) * ($0 - m) }.reduce(0, +)
                meanOfMeans += m / Double(n)
                meanOfVariances += squares / Double(s - 1) / Double(n)
            }
            XCTAssertEqual(mean.doubles[ch], 0.1 * meanOfMeans, accuracy: 1e-14)
            XCTAssertEqual(variance.doubles[ch], 0.9 + 0.1 * meanOfVariances, accuracy: 1e-13)
        }
        // useInputStats: false normalizes every instance with the running statistics, per channel.
        let y = instanceNorm(x, runningMean: mean, runningVar: variance, useInputStats: false)
        let expected = (x - mean.reshape([1, c, 1])) / (variance.reshape([1, c, 1]) + 1e-5).sqrt()
        XCTAssertLessThan(y.maxAbsDifference(expected), 1e-13)
    }

    func testGradientsOfEveryFunctionalFormIncludingGammaAndBeta() {
        let x = randn([3, 4, 2, 3], seed: 16)
        let gamma = randn([4], seed: 17), beta = randn([4], seed: 18)
        assertGradients("batchNorm training", inputs: [x, gamma, beta], tolerance: 1e-6) {
            batchNorm($0[0], runningMean: nil, runningVar: nil, weight: $0[1], bias: $0[2], training: true)
        }
        let mean = randn([4], seed: 19), variance = randn([4], seed: 20).abs() + 0.5
        // With fixed statistics the output is linear in x, γ and β: the only error is the central
        // difference's round-off (≈ 1e-16·|L| / h ≈ 1e-9), which an absolute tolerance covers.
        let eval = GradientCheck.check({ batchNorm($0[0], runningMean: mean, runningVar: variance, weight: $0[1], bias: $0[2]) },
                                       inputs: [x, gamma, beta])
        XCTAssertTrue(eval.passes(relative: 1e-7, absolute: 1e-8), "batchNorm eval: \(eval)")
        assertGradients("groupNorm", inputs: [x, gamma, beta], tolerance: 1e-6) {
            groupNorm($0[0], numGroups: 2, weight: $0[1], bias: $0[2])
        }
        assertGradients("instanceNorm", inputs: [x, gamma, beta], tolerance: 1e-6) {
            instanceNorm($0[0], weight: $0[1], bias: $0[2])
        }
        let fixed = GradientCheck.check({
            instanceNorm($0[0], runningMean: mean, runningVar: variance, weight: $0[1], bias: $0[2], useInputStats: false)
        }, inputs: [x, gamma, beta])
        XCTAssertTrue(fixed.passes(relative: 1e-7, absolute: 1e-8), "instanceNorm with running statistics: \(fixed)")
        let lnGamma = randn([2, 3], seed: 21), lnBeta = randn([2, 3], seed: 22)
        assertGradients("layerNorm", inputs: [x, lnGamma, lnBeta], tolerance: 1e-6) {
            layerNorm($0[0], normalizedShape: [2, 3], weight: $0[1], bias: $0[2])
        }
    }

    func testLinearIsMatmulWithTransposedWeightPlusBias() {
        let x = randn([5, 3], seed: 23), w = randn([4, 3], seed: 24), b = randn([4], seed: 25)
        XCTAssertLessThan(linear(x, weight: w, bias: b).maxAbsDifference(x.matmul(w.T) + b), 1e-14)
        XCTAssertEqual(linear(randn([3], seed: 26), weight: w).shape, [4])
        XCTAssertEqual(linear(randn([2, 5, 3], seed: 27), weight: w, bias: b).shape, [2, 5, 4])
        let layer = Linear(3, 4, dtype: .float64, generator: RandomGenerator(seed: 1))
        XCTAssertEqual(layer(x).doubles, linear(x, weight: layer.weight, bias: layer.bias).doubles)
        assertGradients("linear", inputs: [x, w, b]) { linear($0[0], weight: $0[1], bias: $0[2]) }
    }
}
