import XCTest
@testable import NeuralEngine

/// GEMM against a Double triple loop: edge tiles (sizes around the 6×16 register tile), every
/// transposition, alpha/beta variants, padded leading dimensions, both the direct and the packed path
/// (including several k blocks and column blocks), Float and Double.
final class KernelGEMMTests: XCTestCase {
    /// Which implementation a check goes through.
    enum Path { case publicAPI, direct, packed }

    static let sizes = [1, 5, 6, 7, 16, 17, 31]

    func testFloatAllTranspositionsAndEdgeSizes() {
        var count = 0
        for transA in [false, true] {
            for transB in [false, true] {
                for (index, m) in Self.sizes.enumerated() {
                    // Vary n and k with m so every edge combination shows up without a full cube.
                    let n = Self.sizes[(index + 2) % Self.sizes.count]
                    let k = Self.sizes[(index + 4) % Self.sizes.count]
                    for path in [Path.direct, .packed] {
                        checkFloat(GEMMCase(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 1, beta: 0), path)
                        count += 1
                    }
                }
            }
        }
        XCTAssertEqual(count, 56)
    }

    /// Within one depth block (k ≤ kc) every element of C is one fused multiply-add chain over p in
    /// increasing order from +0, merged as `old + acc · alpha` (beta 1) or `acc · alpha` (beta 0),
    /// whichever register tile computed it: full 6×16 tiles, edge tiles, and the one-vector tiles of
    /// panels with at most 8 columns. The convolution kernels rely on it (their outputs are the same
    /// bits whichever route computes them), so this checks it bit for bit against that chain.
    func testFloatEveryElementIsOneFusedMultiplyAddChain() {
        var values = KernelTestValues(seed: 31)
        // (m, n, k): a convolution's 64 × 196 × 288 forward and 288 × 196 × 64 input products, and narrow C.
        for (m, n, k) in [(64, 196, 288), (288, 196, 64), (7, 4, 33), (13, 8, 5), (6, 12, 17), (5, 25, 9)] {
            let a = values.doubles(m * k).map { Float($0) }, b = values.doubles(k * n).map { Float($0) }
            let old = values.doubles(m * n).map { Float($0) }
            for (path, beta) in [(GEMM.Path.direct, Float(0)), (.direct, 1), (.packed, 1), (.automatic, 0)] {
                var c = old
                GEMM.sgemm(transA: false, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: k, b: b, ldb: n,
                           beta: beta, c: &c, ldc: n, path: path)
                var differing = 0
                for i in 0..<m {
                    for j in 0..<n {
                        var acc: Float = 0
                        for p in 0..<k { acc = acc.addingProduct(a[i * k + p], b[p * n + j]) }
                        let expected = beta == 0 ? acc : old[i * n + j] + acc
                        if c[i * n + j].bitPattern != expected.bitPattern { differing += 1 }
                    }
                }
                XCTAssertEqual(differing, 0, "m=\(m) n=\(n) k=\(k) path \(path) beta \(beta)")
            }
        }
    }

    func testFloatAlphaBeta() {
        for (alpha, beta) in [(1.0, 1.0), (0.5, -2.0), (-1.5, 0.0), (0.0, 0.5), (2.0, 1.0)] {
            for path in [Path.publicAPI, .direct, .packed] {
                checkFloat(GEMMCase(transA: false, transB: true, m: 13, n: 35, k: 9, alpha: alpha, beta: beta), path)
                checkFloat(GEMMCase(transA: true, transB: false, m: 8, n: 16, k: 20, alpha: alpha, beta: beta), path)
            }
        }
    }

    func testFloatPackedPathWithSeveralDepthAndColumnBlocks() {
        // k = 300 > kc = 256 (two k blocks, the second adds to C); n = 2100 > nc = 2048.
        for (transA, transB) in [(false, false), (true, true)] {
            checkFloat(GEMMCase(transA: transA, transB: transB, m: 7, n: 20, k: 300, alpha: 1, beta: 0.5), .packed)
            checkFloat(GEMMCase(transA: transA, transB: transB, m: 7, n: 2100, k: 3, alpha: -1, beta: 0), .packed)
        }
    }

    func testFloatZeroDepthAndZeroAlphaScaleC() {
        checkFloat(GEMMCase(transA: false, transB: false, m: 3, n: 5, k: 0, alpha: 1, beta: 0.25), .publicAPI)
        checkFloat(GEMMCase(transA: false, transB: false, m: 3, n: 5, k: 4, alpha: 0, beta: 0), .publicAPI)
    }

    func testDoubleAllTranspositionsAndAlphaBeta() {
        for transA in [false, true] {
            for transB in [false, true] {
                for path in [Path.publicAPI, .direct, .packed] {
                    checkDouble(GEMMCase(transA: transA, transB: transB, m: 7, n: 9, k: 5, alpha: 1, beta: 0), path)
                    checkDouble(GEMMCase(transA: transA, transB: transB, m: 13, n: 17, k: 11, alpha: -0.5, beta: 1.5), path)
                }
            }
        }
        checkDouble(GEMMCase(transA: true, transB: false, m: 6, n: 8, k: 270, alpha: 1, beta: 1), .packed)
    }

    // MARK: - Checking one case

    func checkFloat(_ problem: GEMMCase, _ path: Path, file: StaticString = #filePath, line: UInt = #line) {
        var values = KernelTestValues(seed: UInt64(problem.m * 10_007 + problem.n * 101 + problem.k))
        let a = values.doubles(problem.aCount), b = values.doubles(problem.bCount)
        let c = values.doubles(problem.cCount)
        let expected = referenceGEMM(transA: problem.transA, transB: problem.transB, m: problem.m, n: problem.n,
                                     k: problem.k, alpha: problem.alpha, a: a, lda: problem.lda, b: b,
                                     ldb: problem.ldb, beta: problem.beta, c: c, ldc: problem.ldc)
        let af = a.map(Float.init), bf = b.map(Float.init)
        // With beta = 0 the old C must be ignored: fill it with NaN to prove it.
        var cf = problem.beta == 0 ? [Float](repeating: .nan, count: c.count) : c.map(Float.init)
        af.withUnsafeBufferPointer { pa in
            bf.withUnsafeBufferPointer { pb in
                cf.withUnsafeMutableBufferPointer { pc in
                    let args = (problem.transA, problem.transB, problem.m, problem.n, problem.k, Float(problem.alpha),
                                pa.baseAddress!, problem.lda, pb.baseAddress!, problem.ldb, Float(problem.beta),
                                pc.baseAddress!, problem.ldc)
                    switch path {
                    case .publicAPI: GEMM.sgemm(transA: args.0, transB: args.1, m: args.2, n: args.3, k: args.4, alpha: args.5, a: args.6, lda: args.7, b: args.8, ldb: args.9, beta: args.10, c: args.11, ldc: args.12)
                    case .direct, .packed: GEMM.sgemm(transA: args.0, transB: args.1, m: args.2, n: args.3, k: args.4, alpha: args.5, a: args.6, lda: args.7, b: args.8, ldb: args.9, beta: args.10, c: args.11, ldc: args.12, path: path == .direct ? .direct : .packed)
                    }
                }
            }
        }
        compare(cf.map(Double.init), expected, problem, path, tolerance: 1e-5, file: file, line: line)
    }

    func checkDouble(_ problem: GEMMCase, _ path: Path, file: StaticString = #filePath, line: UInt = #line) {
        var values = KernelTestValues(seed: UInt64(problem.m * 7 + problem.n * 1_001 + problem.k))
        let a = values.doubles(problem.aCount), b = values.doubles(problem.bCount)
        let c = values.doubles(problem.cCount)
        let expected = referenceGEMM(transA: problem.transA, transB: problem.transB, m: problem.m, n: problem.n,
                                     k: problem.k, alpha: problem.alpha, a: a, lda: problem.lda, b: b,
                                     ldb: problem.ldb, beta: problem.beta, c: c, ldc: problem.ldc)
        var cd = problem.beta == 0 ? [Double](repeating: .nan, count: c.count) : c
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                cd.withUnsafeMutableBufferPointer { pc in
                    let args = (problem.transA, problem.transB, problem.m, problem.n, problem.k, problem.alpha,
                                pa.baseAddress!, problem.lda, pb.baseAddress!, problem.ldb, problem.beta,
                                pc.baseAddress!, problem.ldc)
                    switch path {
                    case .publicAPI: GEMM.dgemm(transA: args.0, transB: args.1, m: args.2, n: args.3, k: args.4, alpha: args.5, a: args.6, lda: args.7, b: args.8, ldb: args.9, beta: args.10, c: args.11, ldc: args.12)
                    case .direct, .packed: GEMM.dgemm(transA: args.0, transB: args.1, m: args.2, n: args.3, k: args.4, alpha: args.5, a: args.6, lda: args.7, b: args.8, ldb: args.9, beta: args.10, c: args.11, ldc: args.12, path: path == .direct ? .direct : .packed)
                    }
                }
            }
        }
        compare(cd, expected, problem, path, tolerance: 1e-14, file: file, line: line)
    }

    /// Elements inside the m×n result must match to `tolerance` relative to their magnitude scale;
    /// the padding columns of C (beyond n) must be untouched.
    func compare(_ got: [Double], _ expected: (values: [Double], magnitudes: [Double]), _ problem: GEMMCase,
                 _ path: Path, tolerance: Double, file: StaticString, line: UInt) {
        var worst = 0.0
        for i in 0..<problem.m {
            for j in 0..<problem.ldc {
                let index = i * problem.ldc + j
                if j >= problem.n {
                    // Padding: NaN-filled (beta = 0) or original values, never written.
                    let untouched = got[index].isNaN || abs(got[index] - expected.values[index]) <= 1e-7
                    XCTAssertTrue(untouched, "\(path) \(problem): wrote padding at (\(i), \(j))", file: file, line: line)
                    continue
                }
                let error = abs(got[index] - expected.values[index]) / max(expected.magnitudes[index], 1e-30)
                worst = max(worst, error.isNaN ? .infinity : error)
            }
        }
        XCTAssertLessThanOrEqual(worst, tolerance, "\(path) \(problem)", file: file, line: line)
    }
}
