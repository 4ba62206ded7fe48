import XCTest
@testable import NeuralEngine

/// Helpers shared by the core tests.
enum CoreTestSupport {
    /// Float64 normal samples from a fixed seed.
    static func randn(_ shape: [Int], seed: UInt64) -> Tensor {
        Tensor.randn(shape, dtype: .float64, generator: RandomGenerator(seed: seed))
    }

    /// Float64 uniform samples on [low, high) from a fixed seed.
    static func rand(_ shape: [Int], low: Double, high: Double, seed: UInt64) -> Tensor {
        Tensor.rand(shape, low: low, high: high, dtype: .float64, generator: RandomGenerator(seed: seed))
    }

    /// Values of a normal sample pushed at least `margin` away from zero (kinks of relu, abs, ...).
    static func awayFromZero(_ shape: [Int], seed: UInt64, margin: Double = 0.05) -> Tensor {
        let v = randn(shape, seed: seed).doubles.map { $0 >= 0 ? $0 + margin : $0 - margin }
        return Tensor(v, shape: shape, dtype: .float64)
    }
}

/// Asserts that `f`'s analytic gradients match central differences.
func assertGradients(_ name: String, inputs: [Tensor], tolerance: Double = 1e-7,
                     file: StaticString = #filePath, line: UInt = #line, _ f: @escaping ([Tensor]) -> Tensor) {
    let result = GradientCheck.check(f, inputs: inputs)
    XCTAssertLessThan(result.maxRelativeError, tolerance, "\(name): \(result)", file: file, line: line)
    // A gradient check that saw only zeros would prove nothing.
    XCTAssertTrue(result.analytic.contains { $0.doubles.contains { $0 != 0 } }, "\(name): all gradients are zero", file: file, line: line)
}

/// Asserts two arrays agree element-wise within `accuracy`.
func assertClose(_ a: [Double], _ b: [Double], accuracy: Double = 1e-12, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "count \(message)", file: file, line: line)
    for (i, (x, y)) in zip(a, b).enumerated() where Swift.abs(x - y) > accuracy {
        XCTFail("element \(i): \(x) vs \(y) \(message)", file: file, line: line)
        return
    }
}
