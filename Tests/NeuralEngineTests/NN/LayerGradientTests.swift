import XCTest
@testable import NeuralEngine

/// Float64 central-difference checks of every layer's input and parameter gradients.
final class LayerGradientTests: XCTestCase {
    private let g = RandomGenerator(seed: 7)

    func testLinear() {
        NNTest.assertGradients(Linear(4, 3, dtype: .float64, generator: g), input: NNTest.randn([5, 4], seed: 1))
        NNTest.assertGradients(Linear(4, 3, bias: false, dtype: .float64, generator: g), input: NNTest.randn([2, 4], seed: 2))
    }

    func testConv2d() {
        NNTest.assertGradients(Conv2d(2, 3, kernelSize: 3, padding: 1, dtype: .float64, generator: g),
                               input: NNTest.randn([2, 2, 5, 5], seed: 3))
        NNTest.assertGradients(Conv2d(1, 2, kernelSize: 2, stride: 2, dtype: .float64, generator: g),
                               input: NNTest.randn([1, 1, 4, 4], seed: 4))
    }

    func testSmoothActivations() {
        for layer in [Tanh(), Sigmoid(), ELU(alpha: 0.7), GELU(), Softplus(), Identity()] as [Module] {
            NNTest.assertGradients(layer, input: NNTest.randn([3, 4], seed: 5))
        }
    }

    func testKinkedActivations() {
        // Inputs from N(0, 1) are never within 1e-6 of the kink at 0, but allow the looser kink tolerance.
        for layer in [ReLU(), LeakyReLU(slope: 0.1)] as [Module] {
            NNTest.assertGradients(layer, input: NNTest.randn([3, 4], seed: 6), relative: 1e-4)
        }
    }

    func testFlattenAndPooling() {
        let x = NNTest.randn([2, 2, 4, 4], seed: 8)
        NNTest.assertGradients(Flatten(), input: x)
        NNTest.assertGradients(MaxPool2d(2), input: x, relative: 1e-4)
        NNTest.assertGradients(AvgPool2d(2), input: x)
        NNTest.assertGradients(GlobalAvgPool2d(), input: x)
    }

    func testBatchNorm() {
        NNTest.assertGradients(BatchNorm1d(3, dtype: .float64), input: NNTest.randn([6, 3], seed: 9), relative: 1e-6)
        NNTest.assertGradients(BatchNorm2d(2, dtype: .float64), input: NNTest.randn([3, 2, 3, 3], seed: 10), relative: 1e-6)
        let eval = BatchNorm2d(2, dtype: .float64)
        _ = eval(NNTest.randn([4, 2, 3, 3], seed: 11))
        eval.eval()
        NNTest.assertGradients(eval, input: NNTest.randn([3, 2, 3, 3], seed: 12))
    }

    func testOtherNormalizations() {
        let x = NNTest.randn([2, 4, 3, 3], seed: 13)
        NNTest.assertGradients(LayerNorm([4, 3, 3], dtype: .float64), input: x, relative: 1e-6)
        NNTest.assertGradients(LayerNorm([3], dtype: .float64), input: x, relative: 1e-6)
        NNTest.assertGradients(InstanceNorm2d(4, affine: true, dtype: .float64), input: x, relative: 1e-6)
        NNTest.assertGradients(GroupNorm(2, 4, dtype: .float64), input: x, relative: 1e-6)
    }

    func testSequentialMLP() {
        let model = Sequential([Linear(3, 5, dtype: .float64, generator: g), Tanh(),
                                Linear(5, 2, dtype: .float64, generator: g)])
        NNTest.assertGradients(model, input: NNTest.randn([4, 3], seed: 14))
    }

    func testBiasBeforeBatchNormHasZeroGradient() {
        // BatchNorm subtracts the batch mean, so a constant bias before it cannot change the output:
        // its true gradient is 0, where only an absolute tolerance makes sense.
        let model = Sequential([Linear(3, 4, dtype: .float64, generator: g), BatchNorm1d(4, dtype: .float64)])
        NNTest.assertGradients(model, input: NNTest.randn([5, 3], seed: 15), relative: 1e-6, absolute: 1e-8)
        let x = NNTest.randn([5, 3], seed: 15)
        model.zeroGrad()
        (model(x) * NNTest.randn([5, 4], seed: 16)).sum().backward()
        let biasGrad = (model[0] as! Linear).bias!.grad!.doubles
        XCTAssertLessThan(biasGrad.map(Swift.abs).max()!, 1e-12)
    }
}
