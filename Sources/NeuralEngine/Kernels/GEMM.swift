// STUB (to be replaced by the KERNELS helper with the packed SIMD micro-kernel).
// C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C, all row-major.
public enum GEMM {
    public static func sgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        naive(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    public static func dgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double,
        c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        naive(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    @inline(__always)
    static func naive<T: BinaryFloatingPoint>(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: T,
        a: UnsafePointer<T>, lda: Int, b: UnsafePointer<T>, ldb: Int, beta: T,
        c: UnsafeMutablePointer<T>, ldc: Int
    ) {
        for i in 0..<m {
            for j in 0..<n {
                var acc: T = 0
                for p in 0..<k {
                    let av = transA ? a[p * lda + i] : a[i * lda + p]
                    let bv = transB ? b[j * ldb + p] : b[p * ldb + j]
                    acc += av * bv
                }
                c[i * ldc + j] = alpha * acc + (beta == 0 ? 0 : beta * c[i * ldc + j])
            }
        }
    }
}
