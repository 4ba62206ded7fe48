@testable import NeuralEngine

/// Deterministic values in [-1, 1) for kernel tests (64-bit LCG, Knuth's MMIX constants), so the
/// kernel tests do not depend on the engine's own generator.
struct KernelTestValues {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }

    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53) * 2 - 1
    }

    mutating func doubles(_ count: Int) -> [Double] { (0..<count).map { _ in next() } }
}

/// Reference `C = alpha · op(A)·op(B) + beta · C` in Double with a plain triple loop.
/// Also returns, per element, `Σ |op(A)[i,p]·op(B)[p,j]|·|alpha| + |beta·C|`, the scale of the
/// rounding error a correct kernel can make.
func referenceGEMM(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                   a: [Double], lda: Int, b: [Double], ldb: Int, beta: Double,
                   c: [Double], ldc: Int) -> (values: [Double], magnitudes: [Double]) {
    var values = c
    var magnitudes = [Double](repeating: 0, count: c.count)
    for i in 0..<m {
        for j in 0..<n {
            var sum = 0.0, magnitude = 0.0
            for p in 0..<k {
                let av = transA ? a[p * lda + i] : a[i * lda + p]
                let bv = transB ? b[j * ldb + p] : b[p * ldb + j]
                sum += av * bv
                magnitude += abs(av * bv)
            }
            let old = beta == 0 ? 0 : beta * c[i * ldc + j]
            values[i * ldc + j] = alpha * sum + old
            magnitudes[i * ldc + j] = abs(alpha) * magnitude + abs(old)
        }
    }
    return (values, magnitudes)
}

/// One GEMM problem with padded leading dimensions (so that ld handling is exercised).
struct GEMMCase: CustomStringConvertible {
    let transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double, beta: Double
    var lda: Int { (transA ? m : k) + 3 }
    var ldb: Int { (transB ? k : n) + 1 }
    var ldc: Int { n + 2 }
    var aCount: Int { (transA ? k : m) * lda }
    var bCount: Int { (transB ? n : k) * ldb }
    var cCount: Int { m * ldc }

    var description: String {
        "m=\(m) n=\(n) k=\(k) transA=\(transA) transB=\(transB) alpha=\(alpha) beta=\(beta)"
    }
}
