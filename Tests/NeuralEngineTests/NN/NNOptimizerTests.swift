import XCTest
@testable import NeuralEngine

/// One or two optimizer steps against values computed by hand from PyTorch's update rules.
final class NNOptimizerTests: XCTestCase {
    private func parameter(_ values: [Double], grad: [Double]) -> Tensor {
        let p = Tensor(values, shape: [values.count], dtype: .float64).requiringGrad()
        p.grad = Tensor(grad, shape: [grad.count], dtype: .float64)
        return p
    }

    func testPlainSGDWithWeightDecay() {
        let p = parameter([1, -2], grad: [0.5, 0.25])
        SGD([p], learningRate: 0.1, weightDecay: 0.01).step()
        // p − lr·(g + λp)
        NNTest.assertClose(p.doubles, [1 - 0.1 * (0.5 + 0.01), -2 - 0.1 * (0.25 - 0.02)], tolerance: 1e-15)
    }

    func testSGDMomentumAndNesterovOverTwoSteps() {
        let p = parameter([1], grad: [2])
        let sgd = SGD([p], learningRate: 0.1, momentum: 0.9)
        sgd.step()   // b = 2, p = 1 − 0.2 = 0.8
        p.grad = Tensor([1], shape: [1], dtype: .float64)
        sgd.step()   // b = 0.9·2 + 1 = 2.8, p = 0.8 − 0.28 = 0.52
        XCTAssertEqual(p.item(), 0.52, accuracy: 1e-15)

        let q = parameter([1], grad: [2])
        let nesterov = SGD([q], learningRate: 0.1, momentum: 0.9, nesterov: true)
        nesterov.step()   // b = 2, step g + μb = 3.8, q = 0.62
        q.grad = Tensor([1], shape: [1], dtype: .float64)
        nesterov.step()   // b = 2.8, step 1 + 2.52 = 3.52, q = 0.62 − 0.352 = 0.268
        XCTAssertEqual(q.item(), 0.268, accuracy: 1e-15)
    }

    func testAdamTwoSteps() {
        let p = parameter([1, 1], grad: [0.5, -4])
        let adam = Adam([p], learningRate: 0.01)
        adam.step()
        // Step 1: m̂ = g, v̂ = g², so p ← p − lr·g/(|g| + ε) = p ∓ 0.01.
        NNTest.assertClose(p.doubles, [1 - 0.01 * 0.5 / (0.5 + 1e-8), 1 + 0.01 * 4 / (4 + 1e-8)], tolerance: 1e-15)
        p.grad = Tensor([1, 1], shape: [2], dtype: .float64)
        adam.step()
        // Step 2 for element 0: m = 0.9·0.05 + 0.1 = 0.145, v = 0.999·0.00025 + 0.001 = 0.00124975.
        let m = 0.145, v = 0.999 * 0.00025 + 0.001
        let update = (0.01 / (1 - 0.81)) * m / ((v).squareRoot() / (1 - 0.999 * 0.999).squareRoot() + 1e-8)
        XCTAssertEqual(p.doubles[0], 1 - 0.01 * 0.5 / (0.5 + 1e-8) - update, accuracy: 1e-14)
    }

    func testAdamWDecouplesWeightDecay() {
        let p = parameter([2], grad: [0.5])
        AdamW([p], learningRate: 0.1, weightDecay: 0.1).step()
        // p·(1 − lr·λ) − lr·g/(|g| + ε)
        XCTAssertEqual(p.item(), 2 * (1 - 0.01) - 0.1 * 0.5 / (0.5 + 1e-8), accuracy: 1e-14)
        let q = parameter([2], grad: [0.5])
        Adam([q], learningRate: 0.1, weightDecay: 0.1).step()
        // L2 in the gradient: g' = 0.7, and Adam's first step moves by lr·g'/|g'|.
        XCTAssertEqual(q.item(), 2 - 0.1 * 0.7 / (0.7 + 1e-8), accuracy: 1e-14)
    }

    func testFloat32ParametersAndSkippedGradients() {
        let p = Tensor([1, 2], shape: [2]).requiringGrad()
        let untouched = Tensor([5], shape: [1]).requiringGrad()
        p.grad = Tensor([1, 1], shape: [2])
        let sgd = SGD([p, untouched], learningRate: 0.5)
        sgd.step()
        XCTAssertEqual(p.scalars, [0.5, 1.5])
        XCTAssertEqual(untouched.scalars, [5])
        sgd.zeroGrad()
        XCTAssertNil(p.grad)
    }

    func testSchedules() {
        let opt = SGD([Tensor([0], shape: [1])], learningRate: 1)
        let step = StepLR(opt, stepSize: 2, gamma: 0.5)
        var rates: [Double] = []
        for _ in 0..<5 { step.step(); rates.append(opt.learningRate) }
        XCTAssertEqual(rates, [1, 0.5, 0.5, 0.25, 0.25])

        let opt2 = SGD([Tensor([0], shape: [1])], learningRate: 1)
        let cosine = CosineAnnealingLR(opt2, tMax: 4, etaMin: 0.2)
        var cos: [Double] = []
        for _ in 0..<5 { cosine.step(); cos.append(opt2.learningRate) }
        NNTest.assertClose(cos, [0.2 + 0.8 * (1 + Foundation.cos(Double.pi / 4)) / 2, 0.6,
                                 0.2 + 0.8 * (1 + Foundation.cos(3 * Double.pi / 4)) / 2, 0.2, 0.2], tolerance: 1e-15)
    }
}
