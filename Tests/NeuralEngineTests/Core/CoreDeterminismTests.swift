import XCTest
@testable import NeuralEngine

/// Results must not depend on the number of threads (same bits for 1 and 2 threads).
final class CoreDeterminismTests: XCTestCase {
    override func tearDown() { Parallel.threadCount = 2 }

    /// Runs `body` with 1 and with 2 threads and returns both results' bit patterns.
    func bitsWithOneAndTwoThreads(_ body: () -> [Tensor]) -> ([[UInt32]], [[UInt32]]) {
        Parallel.threadCount = 1
        let one = body().map { $0.scalars.map(\.bitPattern) }
        Parallel.threadCount = 2
        let two = body().map { $0.scalars.map(\.bitPattern) }
        return (one, two)
    }

    func testMatmulConvSumAreThreadCountIndependent() {
        let (one, two) = bitsWithOneAndTwoThreads {
            let g = RandomGenerator(seed: 99)
            let a = Tensor.randn([130, 70], generator: g), b = Tensor.randn([70, 90], generator: g)
            let x = Tensor.randn([6, 3, 10, 10], generator: g).requiringGrad()
            let w = Tensor.randn([8, 3, 3, 3], generator: g).requiringGrad()
            let y = conv2d(x, weight: w, padding: 1)
            (y * y).sum().backward()
            let big = Tensor.randn([300, 400], generator: g)
            return [matmul(a, b), y, x.grad!, w.grad!, big.sum(axes: [0]), big.sum(), (big * 2.0).exp()]
        }
        XCTAssertEqual(one, two)
    }

    /// Large enough for the normalization kernel and the per-image convolution loops to split work
    /// over threads (≥ 16K elements; conv weight gradient summed over chunks of images).
    func testConvAndNormalizationTrainingStepIsThreadCountIndependent() {
        let (one, two) = bitsWithOneAndTwoThreads {
            let g = RandomGenerator(seed: 7)
            let x = Tensor.randn([20, 3, 12, 12], generator: g).requiringGrad()
            let conv = Conv2d(3, 16, kernelSize: 3, padding: 1, generator: g)
            let batchNorm = BatchNorm2d(16), groupNorm = GroupNorm(4, 16)
            let y = groupNorm(batchNorm(conv(x))).relu()
            globalAvgPool2d(y * y).sum().backward()
            return [y, x.grad!, conv.weight.grad!, conv.bias!.grad!, batchNorm.weight!.grad!, groupNorm.bias!.grad!]
        }
        XCTAssertEqual(one, two)
    }

    /// The fused BatchNorm2d → ReLU → MaxPool2d(2) and BatchNorm2d → ReLU paths of `Sequential`
    /// (channels split over parallel chunks above 16K elements) in a training step.
    func testFusedNormalizationStepIsThreadCountIndependent() {
        let (one, two) = bitsWithOneAndTwoThreads {
            let g = RandomGenerator(seed: 8)
            let x = Tensor.randn([12, 3, 14, 14], generator: g).requiringGrad()
            let model = Sequential(Conv2d(3, 16, kernelSize: 3, padding: 1, generator: g), BatchNorm2d(16), ReLU(), MaxPool2d(2),
                                   Conv2d(16, 8, kernelSize: 3, padding: 1, generator: g), BatchNorm2d(8), ReLU(),
                                   Flatten(), Linear(8 * 7 * 7, 10, generator: g))
            let loss = crossEntropy(logits: model(x), labels: (0..<12).map { $0 % 10 })
            loss.backward()
            return [loss, x.grad!] + model.parameters().map { $0.grad! } + model.namedBuffers().map { $0.1 }
        }
        XCTAssertEqual(one, two)
    }
}
