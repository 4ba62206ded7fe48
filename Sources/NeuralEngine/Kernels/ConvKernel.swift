/// The convolution loops: im2col + GEMM, one image at a time (Chellapilla et al. 2006).
///
/// Per image n, with `cols_n = im2col(x_n)` of shape `[K = C·kh·kw, L = outH·outW]`:
///
///     y_n   = W[O, K] · cols_n + b            (written straight into y: y_n is [O, L] row-major)
///     dWᵀ  += cols_n · g_nᵀ                    (g_n = ∂L/∂y_n, [O, L], read in place)
///     dx_n  = col2im(Wᵀ · g_n)
///     db   += Σ_l g_n[·, l]
///
/// Working per image keeps each column matrix (36 KiB for 16 channels of 8×8) in L1/L2 between its
/// im2col, its GEMM and its col2im, and needs no transposition of y or of the gradient; images run in
/// parallel. The weight gradient is summed per fixed chunk of images and the chunk sums are added in
/// order, so results depend on the batch size only, never on the thread count.
enum ConvKernel {
    /// Largest total of column matrices (all images) the forward pass keeps for the weight gradient:
    /// 4 MiB. Keeping them saves a second im2col, but only while they stay in cache; a larger set is
    /// written to memory and read back, which costs more than redoing im2col per image in the backward
    /// pass from the input, which is kh·kw times smaller (cnn-fmnist-step's conv2 keeps 29 MB: its
    /// step ran 0.90× as long when the backward pass redid im2col in L2, alternating runs).
    /// The matrices live as long as the recorded graph (only recorded passes keep them: under
    /// `noGrad`, or when the weight needs no gradient, nothing is kept).
    static let maxSavedColumnBytes = 4 << 20

    /// Row stride of a column matrix: L rounded up to 16 elements, so that every row starts on a cache
    /// line (64 B for Float, with 64-byte aligned buffers). The products read a 16-column panel of the
    /// matrix per k step; with L = 196 (a 14×14 output) unpadded rows put half of those 64-byte loads
    /// across two lines, and a 288-deep panel then no longer fits in L1. The padding columns are never read.
    static func columnStride(_ L: Int) -> Int { (L + 15) / 16 * 16 }

    /// Images per weight-gradient chunk: about 16 chunks, whatever the thread count.
    static func imagesPerChunk(batch: Int) -> Int { Swift.max(1, (batch + 15) / 16) }

    /// y[N, O, outH, outW] = W · im2col(x) + b per image. Also returns the column matrices of all
    /// images (image n at offset n·K·columnStride(L)) when `keepColumns` is set and they fit the memory
    /// cap: the weight gradient needs exactly them, and keeping them saves a second im2col.
    /// `narrowDepth: false` forces GEMM's direct tile path for every depth (tests compare the two bit for bit).
    static func forward<T: KernelScalar>(_ x: [T], _ w: [T], bias: [T]?, batch: Int, outChannels: Int,
                                         _ g: Im2Col.Geometry, keepColumns: Bool,
                                         narrowDepth: Bool = true) -> (y: [T], columns: [T]?) {
        let L = g.columnCount, O = outChannels, K = g.columnRows, ld = columnStride(L)
        let keep = keepColumns && batch * K * ld * MemoryLayout<T>.stride <= maxSavedColumnBytes
        // Every element used is written below (im2col fills its matrix but the padding columns, which
        // nothing reads; y is set before GEMM adds).
        var saved: [T] = makeArray(keep ? batch * K * ld : 0) { _ in }
        let y: [T] = makeArray(batch * O * L) { y in
            x.withUnsafeBufferPointer { xs in w.withUnsafeBufferPointer { ws in saved.withUnsafeMutableBufferPointer { sv in
                Parallel.forEachChunk(batch, minChunk: 1) { images in
                    withScratch(T.self, count: keep ? 0 : K * ld) { scratch in
                        for n in images {
                            let cols = keep ? sv.baseAddress! + n * K * ld : scratch
                            T.im2col(xs.baseAddress! + n * g.imageCount, g, into: cols, ld: ld)
                            T.convolutionProduct(weight: ws.baseAddress!, columns: cols, columnStride: ld, bias: bias,
                                                 outChannels: O, depth: K, count: L, into: y + n * O * L,
                                                 narrowDepth: narrowDepth)
                        }
                    }
                }
            } } }
        }
        return (y, keep ? saved : nil)
    }

    /// Gradients of the convolution (see the type's documentation). `savedColumns` holds the forward
    /// pass's column matrices of all images, when it kept them.
    static func backward<T: KernelScalar>(_ x: [T], savedColumns: [T]?, _ w: [T], _ gy: [T], batch: Int, outChannels: Int,
                                          _ g: Im2Col.Geometry, needInput: Bool, needWeight: Bool,
                                          needBias: Bool) -> (dx: [T]?, dw: [T]?, db: [T]?) {
        let L = g.columnCount, O = outChannels, K = g.columnRows, ld = columnStride(L)
        let perChunk = imagesPerChunk(batch: batch)
        let chunks = (batch + perChunk - 1) / perChunk
        // dWᵀ [K, O] per chunk of images; every chunk's first GEMM has beta 0.
        var partials: [T] = makeArray(needWeight ? chunks * K * O : 0) { _ in }
        var dx: [T] = makeArray(needInput ? batch * g.imageCount : 0) { _ in }   // zeroed per image below
        // Σ_l g_n[o, l] per image and channel, taken while g_n is in cache for the products; added
        // over images in order below.
        var rowSums = [Double](repeating: 0, count: needBias ? batch * O : 0)
        x.withUnsafeBufferPointer { xs in w.withUnsafeBufferPointer { ws in gy.withUnsafeBufferPointer { gys in
            partials.withUnsafeMutableBufferPointer { ps in dx.withUnsafeMutableBufferPointer { dxs in
                rowSums.withUnsafeMutableBufferPointer { sums in
                Parallel.forEachChunk(batch, minChunk: perChunk) { images in
                    let partial = needWeight ? ps.baseAddress! + (images.lowerBound / perChunk) * K * O : nil
                    let recompute = needWeight && savedColumns == nil
                    withScratch(T.self, count: (recompute ? K * ld : 0) + (needInput ? K * ld : 0)) { scratch in
                        for n in images {
                            let gn = gys.baseAddress! + n * O * L
                            if needBias {
                                for o in 0..<O { sums[n * O + o] = RowKernels.sum(gn + o * L, L) }
                            }
                            if let partial {
                                func accumulate(_ cols: UnsafePointer<T>) {
                                    T.gemm(transA: false, transB: true, m: K, n: O, k: L, alpha: 1, a: cols, lda: ld,
                                           b: gn, ldb: L, beta: n == images.lowerBound ? 0 : 1, c: partial, ldc: O)
                                }
                                if let savedColumns {
                                    savedColumns.withUnsafeBufferPointer { accumulate($0.baseAddress! + n * K * ld) }
                                } else {
                                    T.im2col(xs.baseAddress! + n * g.imageCount, g, into: scratch, ld: ld)
                                    accumulate(scratch)
                                }
                            }
                            if needInput {
                                let cols = scratch + (recompute ? K * ld : 0)
                                T.gemm(transA: true, transB: false, m: K, n: L, k: O, alpha: 1, a: ws.baseAddress!, lda: K,
                                       b: gn, ldb: L, beta: 0, c: cols, ldc: ld)
                                let image = dxs.baseAddress! + n * g.imageCount
                                image.initialize(repeating: 0, count: g.imageCount)
                                T.col2im(cols, g, ld: ld, addingInto: image)
                            }
                        }
                    }
                }
            } } }
        } } }
        var dw: [T]?
        if needWeight && chunks == 0 {
            dw = [T](repeating: 0, count: O * K)    // an empty batch
        } else if needWeight {
            // dWᵀ = Σ_chunks dWᵀ_chunk, chunks in order (summed into the first), then dW[o, k] = dWᵀ[k, o].
            dw = makeArray(O * K) { out in
                partials.withUnsafeMutableBufferPointer { ps in
                    let total = ps.baseAddress!
                    for chunk in 1..<chunks {
                        let part = total + chunk * K * O
                        for e in 0..<(K * O) { total[e] += part[e] }
                    }
                    for k in 0..<K { for o in 0..<O { out[o * K + k] = total[k * O + o] } }
                }
            }
        }
        var db: [T]?
        if needBias {
            // Per channel, a sum over images (in order) of sums over positions, in Double.
            var sums = [Double](repeating: 0, count: O)
            for n in 0..<batch {
                for o in 0..<O { sums[o] += rowSums[n * O + o] }
            }
            db = sums.map { T($0) }
        }
        return (needInput ? dx : nil, dw, db)
    }

    /// `out[O, L] = W[O, K] · cols[K, L] + b` through GEMM: the bias is stored first, then added to (beta 1).
    static func gemmProduct<T: KernelScalar>(weight: UnsafePointer<T>, columns: UnsafePointer<T>, columnStride: Int,
                                             bias: [T]?, outChannels O: Int, depth K: Int, count L: Int,
                                             into out: UnsafeMutablePointer<T>, path: GEMM.Path) {
        if let bias {
            for o in 0..<O { (out + o * L).initialize(repeating: bias[o], count: L) }
        }
        T.gemm(transA: false, transB: false, m: O, n: L, k: K, alpha: 1, a: weight, lda: K,
               b: columns, ldb: columnStride, beta: bias == nil ? 0 : 1, c: out, ldc: L, path: path)
    }

    /// Runs `body` with `count` uninitialised scratch elements (at least one is allocated, so the
    /// pointer is always valid).
    @inline(__always)
    static func withScratch<T, R>(_: T.Type, count: Int, _ body: (UnsafeMutablePointer<T>) -> R) -> R {
        let buffer = allocateAligned(T.self, count: Swift.max(count, 1))
        defer { buffer.deallocate() }
        return body(buffer)
    }
}
