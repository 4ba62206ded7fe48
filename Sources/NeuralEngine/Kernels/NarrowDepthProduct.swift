/// Products whose depth is small (k ≤ `maxDepth`, Float): a convolution whose column matrix has few
/// rows (K = C·kh·kw, e.g. a first layer on grey images: K = 1·3·3 = 9) and any such GEMM,
/// written straight into C:
///
///     C[i, j] = start[i, j] + Σ_{p < k} A[i, p] · B[p, j]      start: 0, a bias per row, or C itself
///
/// Why: for such a product GEMM's work per output element is tiny (9 multiply-adds), so its fixed
/// costs dominate: a bias is first stored into every output element, then read back and stored again
/// by the micro-kernel, and rows split into 6-row tiles leave an edge tile that merges its results
/// element by element. Here each element is stored once, from a register.
///
/// Bit-identical to `GEMM` (alpha 1, beta 0 or 1, a bias stored in C first): for k ≤ kc (512) every
/// GEMM path computes each C element as one fused multiply-add chain `acc = fma(a[p], b[p], acc)` over
/// p = 0, 1, … from acc = +0, then merges `old + acc · alpha` (beta 1) or `acc · alpha` (beta 0).
/// The loops below perform exactly those operations per element (acc · 1 is acc); only the grouping
/// of elements into registers differs, and lanes never interact. `KernelNarrowDepthTests` compare the
/// bits with every GEMM path.
enum NarrowDepthProduct {
    /// Deepest product this path takes (a 3×3 kernel on up to 3 channels is 27); deeper products
    /// reuse their packed panels often enough for GEMM to win.
    static let maxDepth = 32

    typealias Vector = SIMD8<Float>

    /// What each element of C starts from.
    enum Start {
        case zero
        /// `bias[i]` for row i (a convolution's bias).
        case rowBias(UnsafePointer<Float>)
        /// C's own value (GEMM with beta 1).
        case existing
    }

    /// `out[o·L + l] = bias[o] + Σ_p w[o·K + p] · cols[p·ld + l]` (no bias: the sum alone) for o < O,
    /// l < L, with `ld = columnStride` (default L): a convolution's per-image product.
    static func forward(weight w: UnsafePointer<Float>, columns cols: UnsafePointer<Float>, columnStride: Int? = nil,
                        bias: UnsafePointer<Float>?, outChannels O: Int, depth K: Int, count L: Int,
                        into out: UnsafeMutablePointer<Float>) {
        multiply(m: O, n: L, k: K, a: w, lda: K, b: cols, ldb: columnStride ?? L, c: out, ldc: L,
                 start: bias.map { .rowBias($0) } ?? .zero, columnBlocks: 0..<((L + 15) / 16))
    }

    /// `C = A·B` (beta 0) or `C += A·B` (beta 1), row-major, untransposed: `GEMM.sgemm`'s path for
    /// depths up to `maxDepth` with alpha 1 and at least 16 columns. Large products split over threads
    /// into about 16 tasks, from the shape only: rows of at least 64-row products, column blocks of
    /// shorter ones. Each element is computed by one task, so the thread count never changes a bit.
    static func gemm(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                     accumulate: Bool, c: UnsafeMutablePointer<Float>, ldc: Int) {
        let blocks = (n + 15) / 16
        let start: Start = accumulate ? .existing : .zero
        if m * n * k < GEMMDriver<SGEMMKernel>.parallelLimit {
            multiply(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, start: start, columnBlocks: 0..<blocks)
        } else if m >= 64 {
            let rowsPerTask = (m + 63) / 64 * 4
            Parallel.forEachChunk((m + rowsPerTask - 1) / rowsPerTask, minChunk: 1) { tasks in
                for task in tasks {
                    let first = task * rowsPerTask
                    multiply(m: Swift.min(rowsPerTask, m - first), n: n, k: k, a: a + first * lda, lda: lda, b: b, ldb: ldb,
                             c: c + first * ldc, ldc: ldc, start: start, columnBlocks: 0..<blocks)
                }
            }
        } else {
            Parallel.forEachChunk(blocks, minChunk: (blocks + 15) / 16) { columnBlocks in
                multiply(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, start: start, columnBlocks: columnBlocks)
            }
        }
    }

    /// `C = start + A·B` (row-major, A m×k, B k×n) for the 16-column blocks `columnBlocks` of C
    /// (the last block may be narrower).
    static func multiply(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                         c: UnsafeMutablePointer<Float>, ldc: Int, start: Start, columnBlocks: Range<Int>) {
        let width = 2 * Vector.scalarCount
        for block in columnBlocks {
            let j = block * width
            if j + width <= n {
                // The column block (k·64 B) stays in L1 while every row of A passes over it.
                var i = 0
                while i + 4 <= m { rows4x16(a + i * lda, lda, b + j, ldb, k, start, row: i, c + i * ldc + j, ldc); i += 4 }
                while i < m { row1x16(a + i * lda, b + j, ldb, k, start, row: i, c + i * ldc + j); i += 1 }
            } else {
                // The last n mod 16 columns, one at a time with scalar fused multiply-adds (the same
                // per-lane operation).
                for l in j..<n {
                    for i in 0..<m {
                        var acc: Float = 0
                        for p in 0..<k { acc = acc.addingProduct(a[i * lda + p], b[p * ldb + l]) }
                        let target = c + i * ldc + l
                        switch start {
                        case .zero: target.pointee = acc
                        case .rowBias(let bias): target.pointee = bias[i] + acc
                        case .existing: target.pointee = target.pointee + acc
                        }
                    }
                }
            }
        }
    }

    /// Four rows × 16 columns: 8 accumulators, 2 B vectors and a broadcast of A per step.
    @inline(__always)
    static func rows4x16(_ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int, _ k: Int,
                         _ start: Start, row: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        var a00 = Vector(), a01 = Vector(), a10 = Vector(), a11 = Vector()
        var a20 = Vector(), a21 = Vector(), a30 = Vector(), a31 = Vector()
        for p in 0..<k {
            let (b0, b1) = load2(b + p * ldb)
            var av = Vector(repeating: a[p])
            a00 = a00.addingProduct(av, b0); a01 = a01.addingProduct(av, b1)
            av = Vector(repeating: a[lda + p])
            a10 = a10.addingProduct(av, b0); a11 = a11.addingProduct(av, b1)
            av = Vector(repeating: a[2 * lda + p])
            a20 = a20.addingProduct(av, b0); a21 = a21.addingProduct(av, b1)
            av = Vector(repeating: a[3 * lda + p])
            a30 = a30.addingProduct(av, b0); a31 = a31.addingProduct(av, b1)
        }
        store2(c, a00, a01, start, row: row)
        store2(c + ldc, a10, a11, start, row: row + 1)
        store2(c + 2 * ldc, a20, a21, start, row: row + 2)
        store2(c + 3 * ldc, a30, a31, start, row: row + 3)
    }

    /// One row × 16 columns (the rows left when m is not a multiple of 4).
    @inline(__always)
    static func row1x16(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ ldb: Int, _ k: Int,
                        _ start: Start, row: Int, _ c: UnsafeMutablePointer<Float>) {
        var a0 = Vector(), a1 = Vector()
        for p in 0..<k {
            let (b0, b1) = load2(b + p * ldb)
            let av = Vector(repeating: a[p])
            a0 = a0.addingProduct(av, b0); a1 = a1.addingProduct(av, b1)
        }
        store2(c, a0, a1, start, row: row)
    }

    @inline(__always)
    static func load2(_ source: UnsafePointer<Float>) -> (Vector, Vector) {
        let raw = UnsafeRawPointer(source)
        return (raw.loadUnaligned(as: Vector.self), raw.loadUnaligned(fromByteOffset: MemoryLayout<Vector>.stride, as: Vector.self))
    }

    /// Stores `start + acc`: GEMM's `old + acc · 1` with the bias or C's value as old, or `acc`.
    @inline(__always)
    static func store2(_ target: UnsafeMutablePointer<Float>, _ x0: Vector, _ x1: Vector, _ start: Start, row: Int) {
        let raw = UnsafeMutableRawPointer(target)
        let half = MemoryLayout<Vector>.stride
        switch start {
        case .zero:
            raw.storeBytes(of: x0, as: Vector.self)
            raw.storeBytes(of: x1, toByteOffset: half, as: Vector.self)
        case .rowBias(let bias):
            let b = Vector(repeating: bias[row])
            raw.storeBytes(of: b + x0, as: Vector.self)
            raw.storeBytes(of: b + x1, toByteOffset: half, as: Vector.self)
        case .existing:
            let (old0, old1) = load2(UnsafePointer(target))
            raw.storeBytes(of: old0 + x0, as: Vector.self)
            raw.storeBytes(of: old1 + x1, toByteOffset: half, as: Vector.self)
        }
    }
}
