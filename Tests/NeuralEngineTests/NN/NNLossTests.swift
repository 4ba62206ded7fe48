import XCTest
@testable import NeuralEngine

/// Losses against closed forms.
final class NNLossTests: XCTestCase {
    func testSoftmaxCrossEntropyGradientIsSoftmaxMinusOneHotOverN() {
        let logits = NNTest.randn([4, 5], seed: 1).requiringGrad()
        let labels = [0, 3, 4, 3]
        let loss = crossEntropy(logits: logits, labels: labels)
        loss.backward()
        let p = logits.detach().softmax(axis: -1)
        let expected = (p - oneHot(labels, classes: 5, dtype: .float64)) / 4
        NNTest.assertClose(logits.grad!.doubles, expected.doubles, tolerance: 1e-14)
        // Value: −mean log p[label].
        let pv = p.doubles
        let value = -labels.enumerated().map { Foundation.log(pv[$0.offset * 5 + $0.element]) }.reduce(0, +) / 4
        XCTAssertEqual(loss.item(), value, accuracy: 1e-13)
    }

    func testFusedCrossEntropyMatchesComposite() {
        let labels = [2, 0, 1, 2, 1]
        for dtype in [DType.float64, .float32] {
            let z1 = NNTest.randn([5, 3], seed: 3).to(dtype).detach().requiringGrad()
            let z2 = z1.detach().requiringGrad()
            let fused = crossEntropy(logits: z1, labels: labels)
            let composite = crossEntropyComposite(logits: z2, labels: labels)
            (fused * 3).backward()
            (composite * 3).backward()
            let tolerance = dtype == .float64 ? 1e-14 : 1e-6
            XCTAssertEqual(fused.item(), composite.item(), accuracy: tolerance)
            NNTest.assertClose(z1.grad!.doubles, z2.grad!.doubles, tolerance: tolerance)
        }
    }

    func testCrossEntropyIsStableForHugeLogits() {
        let logits = Tensor([[1000, 0], [0, -1000]], dtype: .float32)
        // Row 0 puts all mass on the wrong class (loss 1000), row 1 on the right one (loss 0).
        let loss = crossEntropy(logits: logits, labels: [1, 0]).item()
        XCTAssertEqual(loss, 500, accuracy: 1e-3)
    }

    func testBinaryCrossEntropyMatchesDefinitionAndIsStable() {
        let x = Tensor([-2, 0.5, 3], shape: [3], dtype: .float64)
        let t = Tensor([0, 1, 1], shape: [3], dtype: .float64)
        let expected = zip(x.doubles, t.doubles).map { (z, y) -> Double in
            let s = 1 / (1 + Foundation.exp(-z))
            return -(y * Foundation.log(s) + (1 - y) * Foundation.log(1 - s))
        }.reduce(0, +) / 3
        XCTAssertEqual(binaryCrossEntropy(logits: x, targets: t).item(), expected, accuracy: 1e-14)
        let extreme = binaryCrossEntropy(logits: Tensor([200, -200], shape: [2], dtype: .float32),
                                         targets: Tensor([0, 1], shape: [2], dtype: .float32)).item()
        XCTAssertEqual(extreme, 200, accuracy: 1e-3)
    }

    func testMSEAndPenalties() {
        let a = Tensor([1, 2, 3], shape: [3], dtype: .float64)
        let b = Tensor([1, 0, 6], shape: [3], dtype: .float64)
        XCTAssertEqual(mseLoss(a, b).item(), (0 + 4 + 9) / 3.0, accuracy: 1e-15)
        let w1 = Tensor([1, -2], shape: [2], dtype: .float64), w2 = Tensor([[3]], dtype: .float64)
        XCTAssertEqual(l1Penalty([w1, w2]).item(), 6)
        XCTAssertEqual(l2Penalty([w1, w2]).item(), 14)
    }

    func testOneHot() {
        XCTAssertEqual(oneHot([2, 0], classes: 3).scalars, [0, 0, 1, 1, 0, 0])
    }
}
