import XCTest
@testable import NeuralEngine

/// Seeded randomness and creation functions.
final class CoreRandomTests: XCTestCase {
    func testSameSeedSameBits() {
        let a = RandomGenerator(seed: 7), b = RandomGenerator(seed: 7)
        XCTAssertEqual((0..<100).map { _ in a.nextUInt64() }, (0..<100).map { _ in b.nextUInt64() })
        let x = Tensor.randn([50], generator: RandomGenerator(seed: 3))
        let y = Tensor.randn([50], generator: RandomGenerator(seed: 3))
        XCTAssertEqual(x.scalars.map(\.bitPattern), y.scalars.map(\.bitPattern))
        XCTAssertNotEqual(Tensor.randn([50], generator: RandomGenerator(seed: 4)).scalars, x.scalars)
        a.reseed(7)
        b.reseed(7)
        XCTAssertEqual(a.normal(), b.normal())
    }

    func testXoshiroReferenceSequence() {
        // SplitMix64 from seed 0 gives the reference first output 0xE220A8397B1DCDAF (Vigna's splitmix64.c).
        var state: UInt64 = 0
        XCTAssertEqual(RandomGenerator.splitMix64(&state), 0xE220_A839_7B1D_CDAF)
    }

    func testDistributionsHaveTheRightMoments() {
        let g = RandomGenerator(seed: 11)
        let n = Tensor.randn([20_000], mean: 2, std: 3, dtype: .float64, generator: g)
        XCTAssertEqual(n.meanValue, 2, accuracy: 0.1)
        XCTAssertEqual(n.stdValue, 3, accuracy: 0.1)
        let u = Tensor.rand([20_000], low: -1, high: 3, dtype: .float64, generator: g)
        XCTAssertGreaterThanOrEqual(u.minValue, -1)
        XCTAssertLessThan(u.maxValue, 3)
        XCTAssertEqual(u.meanValue, 1, accuracy: 0.05)
        let bern = Tensor.bernoulli([20_000], p: 0.3, generator: g)
        XCTAssertEqual(bern.meanValue, 0.3, accuracy: 0.02)
        XCTAssertEqual(Set(bern.doubles), [0, 1])
    }

    func testIntegersShuffleAndFork() {
        let g = RandomGenerator(seed: 5)
        let draws = (0..<1000).map { _ in g.int(below: 6) }
        XCTAssertEqual(Set(draws), Set(0..<6))
        let p = g.shuffled(20)
        XCTAssertEqual(p.sorted(), Array(0..<20))
        XCTAssertNotEqual(p, Array(0..<20))
        let before = g.fork("dropout").nextUInt64()
        _ = g.nextUInt64()
        XCTAssertEqual(g.fork("dropout").nextUInt64(), before, "a fork depends only on seed and label")
        XCTAssertNotEqual(g.fork("init").nextUInt64(), before)
    }

    func testCreationFunctions() {
        XCTAssertEqual(Tensor.zeros([2, 3]).doubles, [Double](repeating: 0, count: 6))
        XCTAssertEqual(Tensor.ones([2], dtype: .float64).dtype, .float64)
        XCTAssertEqual(Tensor.full([2], value: 1.5).doubles, [1.5, 1.5])
        XCTAssertEqual(Tensor.arange(0, 5).doubles, [0, 1, 2, 3, 4])
        XCTAssertEqual(Tensor.arange(1, 0, step: -0.25, dtype: .float64).doubles, [1, 0.75, 0.5, 0.25])
        XCTAssertEqual(Tensor.linspace(0, 1, count: 5, dtype: .float64).doubles, [0, 0.25, 0.5, 0.75, 1])
        XCTAssertEqual(Tensor.eye(2).doubles, [1, 0, 0, 1])
        XCTAssertEqual(Tensor([[1, 2], [3, 4]]).shape, [2, 2])
        XCTAssertEqual(Tensor(2.5).item(), 2.5)
        XCTAssertEqual(Tensor(2.5).rank, 0)
        XCTAssertEqual(Tensor([1, 2, 3] as [Double], shape: [3], dtype: .float32).dtype, .float32)
        XCTAssertEqual(Tensor.zeros([2, 3]).description, "Tensor([2, 3], float32: [0, 0, 0, 0, 0, 0])")
    }
}
