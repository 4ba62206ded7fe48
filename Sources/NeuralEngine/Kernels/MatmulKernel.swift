/// Batched matrix products over raw row-major storage: one GEMM per batch, matrices found at the
/// given offsets (the same offset repeats along broadcast batch axes).
enum MatmulKernel {
    /// `C_i[m×n] = op(A at offsetsA[i]) · op(B at offsetsB[i])` for every batch i, C_i stored one
    /// after another; `lda`/`ldb` are the stored row lengths of A and B.
    struct Product {
        let m: Int, n: Int, k: Int
        let transposeA: Bool, transposeB: Bool
        let lda: Int, ldb: Int
        let offsetsA: [Int], offsetsB: [Int]

        func run<T: KernelScalar>(_ a: [T], _ b: [T]) -> [T] {
            makeArray(offsetsA.count * m * n) { c in
                a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in
                    for i in 0..<offsetsA.count {
                        T.gemm(transA: transposeA, transB: transposeB, m: m, n: n, k: k, alpha: 1,
                               a: pa.baseAddress! + offsetsA[i], lda: lda, b: pb.baseAddress! + offsetsB[i], ldb: ldb,
                               beta: 0, c: c + i * m * n, ldc: n)
                    }
                } }
            }
        }
    }
}
