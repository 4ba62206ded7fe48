/// The loops around the micro-kernel: `C = alpha · op(A)·op(B) + beta · C`, row-major.
///
/// Two paths, chosen from the shapes only (never from the thread count):
/// - direct, for small products (the training workloads' 64×256×64, a convolution's per-image
///   32×64×144) and for wide ones whose op(A) fits in cache: no packing of A, B read in place when
///   not transposed; one pass over k, so each C element is one k-ordered sum.
/// - packed, for large products: the GotoBLAS loop nest `jc (nc columns) → pc (kc depth) → pack the
///   B block (shared) → blocks of C (`TileBlocks`, each packing its own A rows) → B micro-panels →
///   A micro-panels`, with the next B block packed during the current one's products.
///
/// Threads split blocks of C (`TileBlocks`) in both paths; every C element is still computed by one
/// tile call per k block, in the same order, so the result is bitwise identical for any thread count.
/// (The two paths round differently from each other, but which one runs depends on the shape only.)
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
        let useDirect = path == .automatic ? prefersDirect(m: m, n: n, k: k, transB: transB) : path == .direct
        if useDirect {
            direct(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                   a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        } else {
            packed(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                   a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        }
    }

    /// Packing pays when panels are reused from cache many times. Without it, op(A) is re-read for
    /// every 16-column panel of C and each B panel (k rows) for every 6-row panel, so the direct path
    /// wins when the product is small, or when k is short enough for a B panel to stay in L1 and op(A)
    /// stays in L2 across the column panels: up to 128 KiB, or up to 512 KiB when C has at most 256
    /// columns (16 panels; measured on Zen 4, one thread: a convolution's weight gradient 288×64×196
    /// runs at 84 GFLOP/s direct against 63 packed, 576×64×196 at 95 against 76, while 512×512×128
    /// and 128×1024×512 stay faster packed). A transposed B is packed whole, on one thread, by the
    /// direct path, so then B must be no wider than a packed block.
    static func prefersDirect(m: Int, n: Int, k: Int, transB: Bool) -> Bool {
        if m * n * k <= directLimit { return k <= 1024 }
        let aBytes = m * k * MemoryLayout<T>.stride
        return k <= 512 && (aBytes <= 128 * 1024 || (n <= 256 && aBytes <= 512 * 1024)) && (!transB || n <= K.nc)
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
        let columnPanels = inPlacePanels + packedPanels
        // Blocks of C: whole row range (op(A) stays in cache) × groups of column panels, so that two
        // threads share B instead of both streaming all of it.
        let blocks = TileBlocks(rowPanels: rowPanels, columnPanels: columnPanels, split: m * n * k >= parallelLimit,
                                maxRowPanels: K.mc / mr, rowBlocksWanted: 1)
        Parallel.forEachChunk(blocks.count, minChunk: 1) { range in
            for block in range {
                let (rowRange, columnRange) = blocks.panels(of: block)
                for panel in columnRange {
                    let packedPanel = panel >= inPlacePanels
                    let bPanel = packedPanel ? UnsafePointer(buffer + (panel - inPlacePanels) * nr * k) : b + panel * nr
                    let bStride = packedPanel ? nr : ldb
                    let cols = Swift.min(nr, n - panel * nr)
                    for rowPanel in rowRange {
                        let row = rowPanel * mr
                        K.tile(k: k, a: a + row * aRowStride, aRowStride: aRowStride, aKStride: aKStride,
                               b: bPanel, bKStride: bStride, c: c + row * ldc + panel * nr, ldc: ldc,
                               rows: Swift.min(mr, m - row), cols: cols, alpha: alpha, beta: beta)
                    }
                }
            }
        }
    }

    /// The packed path. Per column block `jc` and depth block `pc`, one parallel job runs the C blocks
    /// of `TileBlocks`; each packs the A rows it needs into its own buffer (mc·kc, written and then read
    /// from the core's L2 at once, no barrier between packing and using it), then runs its tiles
    /// against the shared packed B block. B blocks are double-buffered: the job of depth block `pc`
    /// also packs the B block of the next one (its first tasks), so one barrier per depth block
    /// remains, and only the very first B block is packed on its own.
    static func packed(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: T,
                       a: UnsafePointer<T>, lda: Int, b: UnsafePointer<T>, ldb: Int, beta: T,
                       c: UnsafeMutablePointer<T>, ldc: Int) {
        let mr = K.mr, nr = K.nr
        let rowPanels = (m + mr - 1) / mr
        let bBlockSize = ((Swift.min(K.nc, n) + nr - 1) / nr) * nr * Swift.min(K.kc, k)
        let packedB = allocateAligned(T.self, count: 2 * bBlockSize)
        defer { packedB.deallocate() }
        let threaded = m * n * k >= parallelLimit
        let depthStarts = Array(stride(from: 0, to: k, by: K.kc))
        for jc in stride(from: 0, to: n, by: K.nc) {
            let columns = Swift.min(K.nc, n - jc)
            let columnPanels = (columns + nr - 1) / nr
            let blocks = TileBlocks(rowPanels: rowPanels, columnPanels: columnPanels, split: threaded,
                                    maxRowPanels: K.mc / mr)
            // B is packed in tasks of `panelsPerTask` column panels (16 to 32 tasks for a 1024-wide block).
            let panelsPerTask = threaded ? 4 : columnPanels
            let packTasks = (columnPanels + panelsPerTask - 1) / panelsPerTask
            func packB(task: Int, depthStart: Int, into buffer: UnsafeMutablePointer<T>) {
                let panels = (task * panelsPerTask)..<Swift.min(columnPanels, (task + 1) * panelsPerTask)
                K.packB(transposed: transB, b, ldb: ldb, depthStart: depthStart, depth: Swift.min(K.kc, k - depthStart),
                        columnStart: jc, columns: columns, panels: panels, into: buffer)
            }
            Parallel.forEachChunk(packTasks, minChunk: 1) { tasks in
                for task in tasks { packB(task: task, depthStart: 0, into: packedB) }
            }
            for (index, pc) in depthStarts.enumerated() {
                let depth = Swift.min(K.kc, k - pc)
                let currentB = UnsafePointer(packedB + (index % 2) * bBlockSize)
                let nextB = packedB + ((index + 1) % 2) * bBlockSize
                let nextTasks = index + 1 < depthStarts.count ? packTasks : 0
                // Later depth blocks add to what the first one stored.
                let blockBeta = pc == 0 ? beta : 1
                Parallel.forEachChunk(nextTasks + blocks.count, minChunk: 1) { tasks in
                    for task in tasks {
                        if task < nextTasks {
                            packB(task: task, depthStart: depthStarts[index + 1], into: nextB)
                            continue
                        }
                        let (rowRange, columnRange) = blocks.panels(of: task - nextTasks)
                        let firstRow = rowRange.lowerBound * mr
                        let packedA = allocateAligned(T.self, count: rowRange.count * mr * depth)
                        defer { packedA.deallocate() }
                        K.packA(transposed: transA, a, lda: lda, rowStart: firstRow,
                                rows: Swift.min(m, rowRange.upperBound * mr) - firstRow,
                                depthStart: pc, depth: depth, into: packedA)
                        for panel in columnRange {
                            let bPanel = currentB + panel * nr * depth
                            let cols = Swift.min(nr, columns - panel * nr)
                            for rowPanel in rowRange {
                                let row = rowPanel * mr
                                K.tile(k: depth, a: packedA + (row - firstRow) * depth, aRowStride: 1, aKStride: mr,
                                       b: bPanel, bKStride: nr, c: c + row * ldc + jc + panel * nr, ldc: ldc,
                                       rows: Swift.min(mr, m - row), cols: cols, alpha: alpha, beta: blockBeta)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The parallel blocks of C (both paths): a grid of row blocks (≤ `maxRowPanels` panels, an A
/// block that stays in L2) × column blocks, with about 16 blocks in all so that two threads stay
/// balanced on a busy machine even when C is short and wide (m = 32, n = 2048).
/// Depends on the shape only; each C element belongs to exactly one block.
struct TileBlocks {
    let rowPanels: Int, columnPanels: Int
    let rowsPerBlock: Int, columnsPerBlock: Int
    let rowBlocks: Int, columnBlocks: Int
    var count: Int { rowBlocks * columnBlocks }

    /// `rowBlocksWanted`: how many row blocks to aim for (the packed path wants 4, so that a short C
    /// still splits; the direct path wants 1, keeping all of op(A) in one block).
    init(rowPanels: Int, columnPanels: Int, split: Bool, maxRowPanels: Int, rowBlocksWanted: Int = 4, target: Int = 16) {
        self.rowPanels = rowPanels
        self.columnPanels = columnPanels
        let wantedRows = (rowPanels + rowBlocksWanted - 1) / rowBlocksWanted
        rowsPerBlock = split ? Swift.max(1, Swift.min(maxRowPanels, wantedRows)) : rowPanels
        rowBlocks = (rowPanels + rowsPerBlock - 1) / rowsPerBlock
        let wanted = split ? Swift.min(columnPanels, (target + rowBlocks - 1) / rowBlocks) : 1
        columnsPerBlock = (columnPanels + wanted - 1) / wanted
        columnBlocks = (columnPanels + columnsPerBlock - 1) / columnsPerBlock
    }

    /// Row panels and column panels of block `index`.
    func panels(of index: Int) -> (rows: Range<Int>, columns: Range<Int>) {
        let r = index / columnBlocks, c = index % columnBlocks
        return (r * rowsPerBlock..<Swift.min(rowPanels, (r + 1) * rowsPerBlock),
                c * columnsPerBlock..<Swift.min(columnPanels, (c + 1) * columnsPerBlock))
    }
}

/// Uninitialised memory aligned to a cache line (64 bytes), so packed panels load aligned vectors.
@inline(__always)
func allocateAligned<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
    let raw = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(1, count) * MemoryLayout<T>.stride, alignment: 64)
    return raw.bindMemory(to: T.self, capacity: Swift.max(1, count))
}
