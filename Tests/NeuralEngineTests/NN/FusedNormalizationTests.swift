import XCTest
@testable import NeuralEngine

/// The fused BatchNorm2d → ReLU (→ MaxPool2d(2)) path that `Sequential` takes, against the composite
/// (the same layers run one by one): the same bits for the output, every gradient and the running
/// statistics; Float64 central differences; hooks and unfit shapes falling back to the composite.
final class FusedNormalizationTests: XCTestCase {
    /// A BatchNorm2d with non-trivial γ and β, and the run `[norm, ReLU, MaxPool2d(2)]` (or without pooling).
    private func makeRun(channels: Int, pool: Bool, dtype: DType = .float32, seed: UInt64) -> Sequential {
        let norm = BatchNorm2d(channels, dtype: dtype)
        let g = RandomGenerator(seed: seed)
        norm.weight!.assign(Tensor.randn([channels], mean: 1, std: 0.5, dtype: dtype, generator: g))
        norm.bias!.assign(Tensor.randn([channels], std: 0.5, dtype: dtype, generator: g))
        return pool ? Sequential(norm, ReLU(), MaxPool2d(2)) : Sequential(norm, ReLU())
    }

    /// Runs a training (or eval) step of `run` on `x` and returns output, ∂L/∂x, ∂L/∂γ, ∂L/∂β and the
    /// running statistics, as bit patterns.
    private func step(_ run: Sequential, fused: Bool, _ x: Tensor, training: Bool = true) -> [[UInt64]] {
        run.fusesLayers = fused
        run.train(training)
        let input = x.detach().requiringGrad()
        let y = run(input)
        let weights = Tensor.randn(y.shape, dtype: x.dtype, generator: RandomGenerator(seed: 3))
        (y * weights).sum().backward()
        let norm = run[0] as! BatchNorm2d
        let tensors = [y, input.grad!, norm.weight!.grad!, norm.bias!.grad!, norm.runningMean, norm.runningVar]
        defer { run.zeroGrad() }
        return tensors.map { t in t.dtype == .float32 ? t.scalars.map { UInt64($0.bitPattern) } : t.f64.map(\.bitPattern) }
    }

    private func assertFusedMatchesComposite(shape: [Int], pool: Bool, training: Bool = true,
                                             file: StaticString = #filePath, line: UInt = #line) {
        let x = Tensor.randn(shape, mean: 0.3, std: 2, generator: RandomGenerator(seed: 11))
        // Two fresh runs with the same parameters, so the running statistics start equal.
        let fused = step(makeRun(channels: shape[1], pool: pool, seed: 5), fused: true, x, training: training)
        let composite = step(makeRun(channels: shape[1], pool: pool, seed: 5), fused: false, x, training: training)
        let names = ["output", "∂L/∂x", "∂L/∂γ", "∂L/∂β", "running mean", "running variance"]
        for (name, (a, b)) in zip(names, zip(fused, composite)) {
            XCTAssertEqual(a, b, "\(name) differs for \(shape), pool \(pool), training \(training)", file: file, line: line)
        }
    }

    func testBatchNormReLUMaxPoolEqualsCompositeBitForBit() {
        assertFusedMatchesComposite(shape: [4, 3, 6, 8], pool: true)
        // Odd sizes: the pooling drops the last row and column, whose gradient is still BatchNorm's.
        assertFusedMatchesComposite(shape: [3, 5, 7, 9], pool: true)
        // More than 16K elements: channels split over parallel chunks.
        assertFusedMatchesComposite(shape: [8, 16, 12, 14], pool: true)
        assertFusedMatchesComposite(shape: [4, 3, 6, 8], pool: true, training: false)
        // The vector pooling's edges: cnn-fmnist-step's layers (28 → 14 windows per row: one group of 8
        // and a short one; 14 → 7: short groups only), 10 windows (w = 20), narrow planes (w < 8, 3 windows),
        // an odd width with short groups (w = 17) and an odd height.
        // Batches of 5 and 7 run the four-row loops and their leftover rows.
        for shape in [[2, 3, 28, 28], [3, 2, 14, 14], [2, 2, 18, 20], [3, 2, 6, 6], [2, 2, 5, 17], [2, 3, 9, 16],
                      [5, 2, 14, 14], [7, 3, 28, 28]] {
            assertFusedMatchesComposite(shape: shape, pool: true)
        }
    }

    func testBatchNormReLUEqualsCompositeBitForBit() {
        assertFusedMatchesComposite(shape: [4, 3, 5, 5], pool: false)
        assertFusedMatchesComposite(shape: [7, 2, 6, 9], pool: false)
        assertFusedMatchesComposite(shape: [8, 16, 12, 14], pool: false)
        assertFusedMatchesComposite(shape: [2, 3, 4, 4], pool: false, training: false)
    }

    func testFusedRunsHaveCorrectGradients() {
        // ReLU and max pooling have kinks; N(0, 1) inputs stay away from them, as in LayerGradientTests.
        NNTest.assertGradients(makeRun(channels: 3, pool: true, dtype: .float64, seed: 7), input: NNTest.randn([2, 3, 4, 6], seed: 8),
                               relative: 1e-4)
        NNTest.assertGradients(makeRun(channels: 2, pool: false, dtype: .float64, seed: 9), input: NNTest.randn([3, 2, 3, 3], seed: 10),
                               relative: 1e-4)
    }

    func testFusionRecordsOneNodeAndStepsAsideForHooksAndOtherShapes() {
        let run = makeRun(channels: 3, pool: true, seed: 1)
        let x = Tensor.randn([2, 3, 4, 4], generator: RandomGenerator(seed: 2)).requiringGrad()
        XCTAssertEqual(run(x).opName, "batchNormReLUMaxPool2d")
        XCTAssertEqual(Sequential(run[0], run[1]).forward(x).opName, "batchNormReLU")
        // A hook on the ReLU must see its output: no fusion across it.
        var seen: [Int]?
        let handle = run[1].addForwardHook { _, _, output in seen = output.shape }
        XCTAssertEqual(run(x).opName, "maxPool2d")
        XCTAssertEqual(seen, [2, 3, 4, 4])
        handle.remove()
        // MaxPool2d(2, stride: 1) is not the fused window: BatchNorm → ReLU fuse, the pooling runs alone.
        let other = Sequential(run[0], ReLU(), MaxPool2d(2, stride: 1))
        var steps: [Range<Int>] = []
        _ = other.forward(x) { range, _ in steps.append(range) }
        XCTAssertEqual(steps, [0..<2, 2..<3])
        run.fusesLayers = false
        steps = []
        _ = run.forward(x) { range, _ in steps.append(range) }
        XCTAssertEqual(steps, [0..<1, 1..<2, 2..<3])
    }
}
