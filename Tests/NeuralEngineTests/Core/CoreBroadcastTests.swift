import XCTest
@testable import NeuralEngine

/// Forward values of NumPy broadcasting.
final class CoreBroadcastTests: XCTestCase {
    func testRowColumnAndScalarBroadcasting() {
        let m = Tensor([[1, 2, 3], [4, 5, 6]], dtype: .float64)
        XCTAssertEqual((m + Tensor([10, 20, 30], shape: [3], dtype: .float64)).doubles, [11, 22, 33, 14, 25, 36])
        XCTAssertEqual((m * Tensor([[2], [3]], dtype: .float64)).doubles, [2, 4, 6, 12, 15, 18])
        XCTAssertEqual((m - 1.0).doubles, [0, 1, 2, 3, 4, 5])
        XCTAssertEqual((12.0 / m).doubles, [12, 6, 4, 3, 2.4, 2])
        let col = Tensor([1, 2], shape: [2, 1], dtype: .float64), row = Tensor([10, 20, 30], shape: [1, 3], dtype: .float64)
        XCTAssertEqual((col + row).shape, [2, 3])
        XCTAssertEqual((col + row).doubles, [11, 21, 31, 12, 22, 32])
    }

    func testHigherRankBroadcasting() {
        let a = Tensor((0..<24).map(Double.init), shape: [2, 3, 4], dtype: .float64)
        let channel = Tensor([100, 200, 300], shape: [1, 3, 1], dtype: .float64)
        let y = (a + channel).doubles
        XCTAssertEqual(y[0], 100); XCTAssertEqual(y[4], 204); XCTAssertEqual(y[23], 323)
        let z = a * Tensor([1, -1], shape: [2, 1, 1], dtype: .float64)
        XCTAssertEqual(z.doubles[12], -12)
    }

    func testBroadcastGradientReducesToInputShape() {
        let bias = Tensor([0, 0, 0], shape: [1, 3, 1], dtype: .float64).requiringGrad()
        let x = Tensor.ones([2, 3, 4], dtype: .float64)
        (x + bias).sum().backward()
        XCTAssertEqual(bias.grad?.shape, [1, 3, 1])
        XCTAssertEqual(bias.grad?.doubles, [8, 8, 8])
    }

    func testLargeTensorsTakeTheParallelPath() {
        let n = parallelElementThreshold * 2 + 3
        let a = Tensor((0..<n).map { Float($0 % 7) }, shape: [n])
        let y = (a * a + 1.0).exp().log()
        XCTAssertEqual(y.scalars[n - 1], Float(((n - 1) % 7) * ((n - 1) % 7) + 1), accuracy: 1e-4)
    }
}

/// Whole-tensor comparisons.
final class CoreComparisonTests: XCTestCase {
    func testAllCloseAndFinite() {
        let a = Tensor([1, 2, 3], shape: [3], dtype: .float64)
        XCTAssertTrue(a.allClose(a + 1e-9))
        XCTAssertFalse(a.allClose(a + 1e-3))
        XCTAssertFalse(a.allClose(a.reshape([3, 1])))
        XCTAssertEqual(a.maxAbsDifference(a * 2.0), 3)
        XCTAssertTrue(a.allFinite)
        XCTAssertFalse((a / 0.0).allFinite)
    }
}
