import XCTest
@testable import NeuralEngine

/// Shared helpers of the NN tests.
enum NNTest {
    /// A Float64 tensor of `shape` with N(0, 1) values from a fixed seed.
    static func randn(_ shape: [Int], seed: UInt64) -> Tensor {
        Tensor.randn(shape, dtype: .float64, generator: RandomGenerator(seed: seed))
    }

    /// Asserts that the gradients of `module`'s parameters and of its input agree with central
    /// differences (CS231n relative error below `relative`, or absolute error below `absolute` where the
    /// true gradient is 0). The module must be built with `dtype: .float64`. The output is reduced
    /// with fixed random weights so every output element is checked.
    static func assertGradients(_ module: Module, input: Tensor, relative: Double = 1e-7, absolute: Double = 1e-9,
                                epsilon: Double = 1e-6, file: StaticString = #filePath, line: UInt = #line) {
        let x = Tensor(input.doubles, shape: input.shape, dtype: .float64).requiringGrad()
        let weights = noGrad { randn(module(x).shape, seed: 99) }
        func loss() -> Tensor { (module(x) * weights).sum() }
        module.zeroGrad()
        x.grad = nil
        loss().backward()
        let leaves = [("input", x)] + module.namedParameters()
        for (name, leaf) in leaves {
            XCTAssertEqual(leaf.dtype, .float64, "\(name) must be Float64", file: file, line: line)
            let analytic = leaf.grad?.doubles ?? [Double](repeating: 0, count: leaf.count)
            for i in 0..<leaf.count {
                let original = leaf.f64[i]
                leaf.f64[i] = original + epsilon
                let plus = noGrad { loss().item() }
                leaf.f64[i] = original - epsilon
                let minus = noGrad { loss().item() }
                leaf.f64[i] = original
                let numerical = (plus - minus) / (2 * epsilon)
                let diff = Swift.abs(analytic[i] - numerical)
                let rel = diff / Swift.max(Swift.abs(analytic[i]) + Swift.abs(numerical), 1e-8)
                if rel >= relative && diff >= absolute {
                    XCTFail("\(module.summary) \(name)[\(i)]: analytic \(analytic[i]) numerical \(numerical) rel \(rel)",
                            file: file, line: line)
                    return
                }
            }
        }
    }

    static func assertClose(_ a: [Double], _ b: [Double], tolerance: Double,
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, "lengths differ", file: file, line: line)
        for (i, (x, y)) in zip(a, b).enumerated() where Swift.abs(x - y) > tolerance {
            XCTFail("element \(i): \(x) vs \(y) (tolerance \(tolerance))", file: file, line: line)
            return
        }
    }
}
