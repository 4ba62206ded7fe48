import XCTest
@testable import NeuralEngine

/// Initializers: fans, gains and the empirical variance of drawn weights.
final class NNInitializerTests: XCTestCase {
    private func variance(_ t: Tensor) -> (mean: Double, variance: Double) {
        let v = t.doubles
        let mean = v.reduce(0, +) / Double(v.count)
        return (mean, v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count))
    }

    func testFansFollowPyTorch() {
        XCTAssertEqual(Fans(shape: [10, 20]), Fans(shape: [10, 20]))
        XCTAssertEqual(Fans(shape: [10, 20]).fanIn, 20)
        XCTAssertEqual(Fans(shape: [10, 20]).fanOut, 10)
        XCTAssertEqual(Fans(shape: [16, 3, 5, 5]).fanIn, 75)
        XCTAssertEqual(Fans(shape: [16, 3, 5, 5]).fanOut, 400)
    }

    func testGainsMatchCalculateGain() {
        XCTAssertEqual(Initializer.gain(for: .linear), 1)
        XCTAssertEqual(Initializer.gain(for: .tanh), 5.0 / 3.0)
        XCTAssertEqual(Initializer.gain(for: .relu), 2.0.squareRoot())
        XCTAssertEqual(Initializer.gain(for: .leakyRelu(0.2)), (2 / 1.04).squareRoot(), accuracy: 1e-15)
    }

    /// With n = 120 000 draws the sample variance has relative standard error √(2/n) ≈ 0.4 % for a
    /// normal (less for a uniform); a 3 % tolerance is > 7σ.
    func testEmpiricalVariancesMatchTheFormulas() {
        let shape = [400, 300]
        let g = RandomGenerator(seed: 11)
        let cases: [(Initializer, Double)] = [
            (.normal(std: 0.5), 0.25),
            (.uniform(-2, 2), 16.0 / 12.0),
            (.xavierUniform(), 2.0 / 700.0),
            (.xavierNormal(gain: 5.0 / 3.0), 25.0 / 9.0 * 2.0 / 700.0),
            (.kaimingNormal(mode: .fanIn, nonlinearity: .relu), 2.0 / 300.0),
            (.kaimingUniform(mode: .fanOut, nonlinearity: .relu), 2.0 / 400.0),
            (.pytorchDefault, 1.0 / (3.0 * 300.0)),
        ]
        for (initializer, expected) in cases {
            let t = initializer.make(shape, dtype: .float64, generator: g)
            let (mean, v) = variance(t)
            XCTAssertEqual(v / expected, 1, accuracy: 0.03, "\(initializer)")
            XCTAssertEqual(mean, 0, accuracy: 6 * (expected / 120_000).squareRoot(), "\(initializer)")
            XCTAssertEqual(initializer.standardDeviation(shape: shape), expected.squareRoot(), accuracy: 1e-12)
        }
    }

    func testPyTorchDefaultBoundIsOneOverRootFanIn() {
        let w = Initializer.pytorchDefault.make([50, 64], dtype: .float64, generator: RandomGenerator(seed: 2)).doubles
        XCTAssertLessThanOrEqual(w.map(Swift.abs).max()!, 1.0 / 8.0)
        XCTAssertGreaterThan(w.map(Swift.abs).max()!, 0.99 / 8.0)
    }

    func testConstantsAndLayerDefaults() {
        XCTAssertEqual(Initializer.constant(0.3).make([2, 2], dtype: .float64).doubles, [0.3, 0.3, 0.3, 0.3])
        XCTAssertEqual(Initializer.zeros.make([3]).scalars, [0, 0, 0])
        let linear = Linear(4, 2, weightInit: .ones, biasInit: .zeros)
        XCTAssertEqual(linear.weight.scalars, [Float](repeating: 1, count: 8))
        XCTAssertEqual(linear.bias!.scalars, [0, 0])
        XCTAssertTrue(linear.weight.requiresGrad)
    }

    func testSameSeedSameWeights() {
        let a = Linear(8, 8, generator: RandomGenerator(seed: 9)).weight.scalars
        let b = Linear(8, 8, generator: RandomGenerator(seed: 9)).weight.scalars
        XCTAssertEqual(a, b)
    }
}
