/// General matrix multiply, BLAS `?gemm` semantics on row-major storage:
///
///     C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C,   op(X) = X or Xᵀ
///
/// `op(A)[i, p]` is `a[i·lda + p]`, or `a[p·lda + i]` when `transA`; likewise for B. With `beta == 0`
/// the old contents of C are ignored (they may be uninitialised or NaN), as in reference BLAS.
///
/// Implementation: packed panels and a 6×16 SIMD8 fused-multiply-add register tile (Float; 6×8
/// SIMD4 for Double), cache blocked and threaded over row blocks of C with `Parallel`; see
/// `GEMMDriver` and `GEMMMicroKernel`. Float products at most 32 deep and at least 16 wide (alpha 1,
/// beta 0 or 1, no transposition) take `NarrowDepthProduct`, which gives the same bits. Results are bitwise
/// independent of `Parallel.threadCount`.
public enum GEMM {
    /// Single precision `C = alpha · op(A)·op(B) + beta · C`.
    public static func sgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
              a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc, path: .automatic)
    }

    /// Double precision `C = alpha · op(A)·op(B) + beta · C`.
    public static func dgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double,
        c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        dgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
              a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc, path: .automatic)
    }

    /// Which loop nest runs; tests force each one. Non-generic entry points so that callers outside
    /// the module (tests) still run the specialised kernels.
    enum Path { case automatic, direct, packed }

    static func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
                      c: UnsafeMutablePointer<Float>, ldc: Int, path: Path) {
        validate("sgemm", transA: transA, transB: transB, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc)
        // Shallow products (a first convolution layer's 9-deep im2col product) skip the tile loops:
        // the same bits, each element stored once (`NarrowDepthProduct`).
        if path == .automatic && !transA && !transB && alpha == 1 && (beta == 0 || beta == 1)
            && k >= 1 && k <= NarrowDepthProduct.maxDepth && m > 0 && n >= 16 {
            NarrowDepthProduct.gemm(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, accumulate: beta == 1, c: c, ldc: ldc)
            return
        }
        GEMMDriver<SGEMMKernel>.multiply(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                                         a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc, path: path)
    }

    static func dgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                      a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double,
                      c: UnsafeMutablePointer<Double>, ldc: Int, path: Path) {
        validate("dgemm", transA: transA, transB: transB, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc)
        GEMMDriver<DGEMMKernel>.multiply(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                                         a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc, path: path)
    }

    /// Traps (programmer error) when a size is negative or a leading dimension is shorter than a row.
    static func validate(_ name: String, transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                         lda: Int, ldb: Int, ldc: Int) {
        if m < 0 || n < 0 || k < 0 {
            fatalError("GEMM.\(name): negative size m=\(m) n=\(n) k=\(k)")
        }
        let aRow = transA ? m : k, bRow = transB ? k : n
        if lda < Swift.max(1, aRow) || ldb < Swift.max(1, bRow) || ldc < Swift.max(1, n) {
            fatalError("GEMM.\(name): leading dimensions lda=\(lda) ldb=\(ldb) ldc=\(ldc) too small for "
                + "m=\(m) n=\(n) k=\(k) transA=\(transA) transB=\(transB) (need ≥ \(aRow), \(bRow), \(n))")
        }
    }
}
