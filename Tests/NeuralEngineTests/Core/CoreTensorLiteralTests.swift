import XCTest
@testable import NeuralEngine

/// Tensors from array literals, as `torch.tensor([1, 2, 3])`.
final class CoreTensorLiteralTests: XCTestCase {
    func testOneDimensionalLiteralsNeedNoShape() {
        let ints = Tensor([1, 2, 3])
        XCTAssertEqual(ints.shape, [3])
        XCTAssertEqual(ints.dtype, .float32)
        XCTAssertEqual(ints.doubles, [1, 2, 3])
        let mixed = Tensor([0.5, -1, 2e3], dtype: .float64)
        XCTAssertEqual(mixed.shape, [3])
        XCTAssertEqual(mixed.dtype, .float64)
        XCTAssertEqual(mixed.doubles, [0.5, -1, 2000])
        let floats: [Float] = [1.5, 2.5]
        XCTAssertEqual(Tensor(floats).shape, [2])
        XCTAssertEqual(Tensor(floats).scalars, floats)
        let doubles: [Double] = [0.25]
        XCTAssertEqual(Tensor(doubles).shape, [1])
    }

    func testOtherLiteralFormsKeepTheirMeaning() {
        XCTAssertEqual(Tensor(3).shape, [])
        XCTAssertEqual(Tensor(2.5, dtype: .float64).item(), 2.5)
        XCTAssertEqual(Tensor([[1, 2, 3], [4, 5, 6]]).shape, [2, 3])
        XCTAssertEqual(Tensor([1, 2, 3, 4], shape: [2, 2]).shape, [2, 2])
        XCTAssertEqual(Tensor([0.5, 1.5], shape: [2, 1], dtype: .float64).shape, [2, 1])
    }
}
