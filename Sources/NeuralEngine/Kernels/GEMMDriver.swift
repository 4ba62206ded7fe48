/// The loops around the micro-kernel: `C = alpha · op(A)·op(B) + beta · C`, row-major.
///
/// Two paths, chosen from the shapes only (never from the thread count):
/// - direct, for small products (the training workloads' 64×256×64): no packing of A, B read in
///   place when not transposed; one pass over k, so each C element is one k-ordered sum.
/// - packed, for large products: the GotoBLAS loop nest `jc (nc columns) → pc (kc depth) → pack B →
///   row blocks of A (packed per chunk) → B micro-panels → A micro-panels`.
///
/// Threads split the row panels of C; every C element is still computed by one tile call per k block,
/// in the same order, so the result is bitwise identical for any thread count.
enum GEMMDriver<K: GEMMMicroKernel> {
    typealias T = K.Scalar

    /// Products up to this many multiply-adds take the direct path.
    static var directLimit: Int { 1 << 21 }
    /// Products from this many multiply-adds on are split over threads (≈ 12 µs on one core; a
    /// parallel call costs ~1 µs while the workers spin, ~15 µs when they sleep).
    static var parallelLimit: Int { 1 << 19 }

    static func multiply(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: T,
                         a: UnsafePointer<T>, lda: Int, b: UnsafePointer<T>, ldb: Int, beta: T,
                         c: UnsafeMutablePointer<T>, ldc: Int, path: GEMM.Path) {
        if m == 0 || n == 0 { return }
        if k == 0 || (alpha == 0 && path == .automatic) {
            scale(m: m, n: n, beta: beta, c: c, ldc: ldc)
            return
        }
        let work = m * n * k
        let useDirect = path == .automatic ? work <= directLimit && k <= 4 * K.kc : path == .direct
        if useDirect {
            direct(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                   a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        } else {
            packed(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                   a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        }
    }

    /// `C = beta · C` (beta = 0 writes zeros, ignoring NaNs already in C, as BLAS does).
    static func scale(m: Int, n: Int, beta: T, c: UnsafeMutablePointer<T>, ldc: Int) {
        if beta == 1 { return }
        for i in 0..<m {
            let row = c + i * ldc
            if beta == 0 { row.update(repeating: 0, count: n) } else { for j in 0..<n { row[j] *= beta } }
        }
    }

    static func direct(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: T,
                       a: UnsafePointer<T>, lda: Int, b: UnsafePointer<T>, ldb: Int, beta: T,
                       c: UnsafeMutablePointer<T>, ldc: Int) {
        let mr = K.mr, nr = K.nr
        let (aRowStride, aKStride) = transA ? (1, lda) : (lda, 1)
        // Full column panels of an untransposed B are read in place; the rest is packed.
        let inPlacePanels = transB ? 0 : n / nr
        let packedColumns = n - inPlacePanels * nr
        let packedPanels = (packedColumns + nr - 1) / nr
        let buffer = allocateAligned(T.self, count: Swift.max(1, packedPanels * nr * k))
        defer { buffer.deallocate() }
        K.packB(transposed: transB, b, ldb: ldb, depthStart: 0, depth: k, columnStart: inPlacePanels * nr,
                columns: packedColumns, panels: 0..<packedPanels, into: buffer)
        let rowPanels = (m + mr - 1) / mr
        let chunk = m * n * k >= parallelLimit ? rowChunk(rowPanels) : rowPanels
        Parallel.forEachChunk(rowPanels, minChunk: chunk) { range in
            for panel in 0..<(inPlacePanels + packedPanels) {
                let packedPanel = panel >= inPlacePanels
                let bPanel = packedPanel ? UnsafePointer(buffer + (panel - inPlacePanels) * nr * k) : b + panel * nr
                let bStride = packedPanel ? nr : ldb
                let cols = Swift.min(nr, n - panel * nr)
                for rowPanel in range {
                    let row = rowPanel * mr
                    K.tile(k: k, a: a + row * aRowStride, aRowStride: aRowStride, aKStride: aKStride,
                           b: bPanel, bKStride: bStride, c: c + row * ldc + panel * nr, ldc: ldc,
                           rows: Swift.min(mr, m - row), cols: cols, alpha: alpha, beta: beta)
                }
            }
        }
    }

    static func packed(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: T,
                       a: UnsafePointer<T>, lda: Int, b: UnsafePointer<T>, ldb: Int, beta: T,
                       c: UnsafeMutablePointer<T>, ldc: Int) {
        let mr = K.mr, nr = K.nr
        let maxDepth = Swift.min(K.kc, k)
        let maxColumns = Swift.min(K.nc, n)
        let packedB = allocateAligned(T.self, count: ((maxColumns + nr - 1) / nr) * nr * maxDepth)
        defer { packedB.deallocate() }
        let rowPanels = (m + mr - 1) / mr
        let threaded = m * n * k >= parallelLimit
        let chunk = threaded ? rowChunk(rowPanels) : rowPanels
        for jc in stride(from: 0, to: n, by: K.nc) {
            let columns = Swift.min(K.nc, n - jc)
            let columnPanels = (columns + nr - 1) / nr
            for pc in stride(from: 0, to: k, by: K.kc) {
                let depth = Swift.min(K.kc, k - pc)
                Parallel.forEachChunk(columnPanels, minChunk: threaded ? 8 : columnPanels) { panels in
                    K.packB(transposed: transB, b, ldb: ldb, depthStart: pc, depth: depth, columnStart: jc,
                            columns: columns, panels: panels, into: packedB)
                }
                // Later k blocks add to what the first one stored.
                let blockBeta = pc == 0 ? beta : 1
                Parallel.forEachChunk(rowPanels, minChunk: chunk) { range in
                    let firstRow = range.lowerBound * mr
                    let rows = Swift.min(m, range.upperBound * mr) - firstRow
                    let packedA = allocateAligned(T.self, count: range.count * mr * depth)
                    defer { packedA.deallocate() }
                    K.packA(transposed: transA, a, lda: lda, rowStart: firstRow, rows: rows,
                            depthStart: pc, depth: depth, into: packedA)
                    for panel in 0..<columnPanels {
                        let bPanel = UnsafePointer(packedB + panel * nr * depth)
                        let cols = Swift.min(nr, columns - panel * nr)
                        for rowPanel in 0..<range.count {
                            let row = firstRow + rowPanel * mr
                            K.tile(k: depth, a: packedA + rowPanel * mr * depth, aRowStride: 1, aKStride: mr,
                                   b: bPanel, bKStride: nr, c: c + row * ldc + jc + panel * nr, ldc: ldc,
                                   rows: Swift.min(mr, m - row), cols: cols, alpha: alpha, beta: blockBeta)
                        }
                    }
                }
            }
        }
    }

    /// Row panels per parallel chunk: about 16 chunks (dynamic balance on a busy machine), at most one
    /// A block of `mc` rows. Depends on the shape only.
    static func rowChunk(_ rowPanels: Int) -> Int {
        Swift.max(1, Swift.min(K.mc / K.mr, (rowPanels + 15) / 16))
    }
}

/// Uninitialised memory aligned to a cache line (64 bytes), so packed panels load aligned vectors.
@inline(__always)
func allocateAligned<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
    let raw = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(1, count) * MemoryLayout<T>.stride, alignment: 64)
    return raw.bindMemory(to: T.self, capacity: Swift.max(1, count))
}
