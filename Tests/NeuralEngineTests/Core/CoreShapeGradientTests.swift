import XCTest
@testable import NeuralEngine

/// Gradient checks and values of shape, join and selection primitives.
final class CoreShapeGradientTests: XCTestCase {
    let x = CoreTestSupport.randn([2, 3, 4], seed: 21)

    func testReshapePermuteTranspose() {
        assertGradients("reshape", inputs: [x]) { $0[0].reshape([4, -1]) }
        assertGradients("flatten", inputs: [x]) { $0[0].flatten() }
        assertGradients("permute", inputs: [x]) { $0[0].permute([2, 0, 1]) }
        assertGradients("transpose", inputs: [x]) { $0[0].transpose() }
        assertGradients("squeeze/unsqueeze", inputs: [x]) { $0[0].unsqueeze(axis: 1).squeeze(axis: 1).unsqueeze(axis: -1) }
        assertGradients("broadcast", inputs: [CoreTestSupport.randn([3, 1], seed: 22)]) { $0[0].broadcast(to: [2, 3, 5]) }
    }

    func testCastIsDifferentiable() {
        let a = x.detach().requiringGrad()
        let y = a.to(.float32)
        XCTAssertEqual(y.dtype, .float32)
        (y * 3.0).sum().backward()
        XCTAssertEqual(a.grad?.dtype, .float64)
        XCTAssertEqual(a.grad?.doubles, [Double](repeating: 3, count: a.count))
    }

    func testPermuteValues() {
        let m = Tensor((0..<6).map(Double.init), shape: [2, 3], dtype: .float64)
        XCTAssertEqual(m.transpose().shape, [3, 2])
        XCTAssertEqual(m.transpose().doubles, [0, 3, 1, 4, 2, 5])
        let t = Tensor((0..<24).map(Double.init), shape: [2, 3, 4], dtype: .float64).permute([2, 0, 1])
        XCTAssertEqual(t.shape, [4, 2, 3])
        XCTAssertEqual(t[index: 1, 1, 2], Double(1 * 12 + 2 * 4 + 1))
        XCTAssertEqual(x.reshape([-1]).shape, [24])
        XCTAssertEqual(x.flatten(startAxis: 0).shape, [24])
        XCTAssertEqual(x.unsqueeze(axis: -1).shape, [2, 3, 4, 1])
        XCTAssertEqual(x.unsqueeze(axis: 0).squeeze().shape, [2, 3, 4])
    }

    func testConcatenateStackSlice() {
        let a = CoreTestSupport.randn([2, 3], seed: 23), b = CoreTestSupport.randn([2, 5], seed: 24)
        assertGradients("concatenate", inputs: [a, b]) { Tensor.concatenate([$0[0], $0[1], $0[0]], axis: 1) }
        assertGradients("stack", inputs: [a, a]) { Tensor.stack([$0[0], $0[1].exp()], axis: 1) }
        assertGradients("slice", inputs: [x]) { $0[0].slice(axis: 2, range: 1..<3) }
        let c = Tensor.concatenate([a, b], axis: -1)
        XCTAssertEqual(c.shape, [2, 8])
        XCTAssertEqual(c.slice(axis: 1, range: 3..<8).doubles, b.doubles)
        XCTAssertEqual(c[1..<2].doubles, Array(c.doubles[8..<16]))
        XCTAssertEqual(Tensor.stack([a, a], axis: 0).shape, [2, 2, 3])
        XCTAssertEqual(x.chunked(size: 3, axis: 2).map(\.shape), [[2, 3, 3], [2, 3, 1]])
    }

    func testGatherAndWhere() {
        let table = CoreTestSupport.randn([4, 3], seed: 25)
        assertGradients("gather with repeats", inputs: [table]) { $0[0].gather(rows: [2, 0, 2, 3]) }
        let g = table.gather(rows: [3, 1])
        XCTAssertEqual(g.doubles, Array(table.doubles[9..<12]) + Array(table.doubles[3..<6]))
        let cond = Tensor([1, 0, 1], shape: [3], dtype: .float64)
        let a = CoreTestSupport.randn([2, 3], seed: 26), b = CoreTestSupport.randn([3], seed: 27)
        assertGradients("where", inputs: [a, b]) { `where`(cond, $0[0], $0[1]) }
        let w = `where`(cond, a, b).doubles
        XCTAssertEqual(w, [a.doubles[0], b.doubles[1], a.doubles[2], a.doubles[3], b.doubles[1], a.doubles[5]])
        assertGradients("maximum", inputs: [a, b]) { maximum($0[0], $0[1]) }
    }

    func testMasks() {
        let v = Tensor([0.2, 0.7, -1, 0.5], shape: [4], dtype: .float64)
        XCTAssertEqual(v.greater(than: 0.5).doubles, [0, 1, 0, 0])
        XCTAssertEqual(v.less(than: 0.5).doubles, [1, 0, 1, 0])
        XCTAssertEqual(v.equal(Tensor([0.5], shape: [1], dtype: .float64)).doubles, [0, 0, 0, 1])
        XCTAssertFalse(v.requiringGrad().greater(than: 0).requiresGrad)
    }
}
