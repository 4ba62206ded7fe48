/// The convolution loops: im2col + one GEMM per group of images (Chellapilla et al. 2006).
///
/// Images of a group are laid side by side in one column matrix `[C·kh·kw, nb·outH·outW]`, so small
/// images (8×8 digits) still give GEMM a wide matrix. Groups are capped in size to bound memory; the
/// weight and bias gradients are accumulated over groups in a fixed order, so results do not depend
/// on threads. The bias is fused: added while the GEMM result is copied into the output layout, and
/// its gradient summed while the output gradient is copied into the GEMM layout.
enum ConvKernel {
    /// Upper bound on the elements of one column matrix (16 MiB of Float).
    static let maxColumnElements = 1 << 22

    /// Consecutive ranges of images processed together.
    static func groups(batch: Int, _ g: Im2Col.Geometry) -> [Range<Int>] {
        let perImage = Swift.max(g.columnRows * g.columnCount, 1)
        let size = Swift.max(1, Swift.min(batch, maxColumnElements / perImage))
        return stride(from: 0, to: batch, by: size).map { $0..<Swift.min($0 + size, batch) }
    }

    /// Fills `columns` (leading dimension `nb·L`) with the patches of images `range`.
    static func unfold<T: KernelScalar>(_ x: UnsafePointer<T>, _ range: Range<Int>, _ g: Im2Col.Geometry,
                                        _ columns: UnsafeMutablePointer<T>) {
        let ld = range.count * g.columnCount
        Parallel.forEachChunk(range.count, minChunk: 1) { images in
            for n in images { T.im2col(x + (range.lowerBound + n) * g.imageCount, g, into: columns + n * g.columnCount, ld: ld) }
        }
    }

    /// y[N, O, outH, outW] = W[O, C·kh·kw] · im2col(x) + b. Also returns the column matrix when the
    /// whole batch fitted in one group and `keepColumns` is set: the weight gradient needs exactly
    /// that matrix again, and keeping it saves a second im2col in the backward pass.
    static func forward<T: KernelScalar>(_ x: [T], _ w: [T], bias: [T]?, batch: Int, outChannels: Int,
                                         _ g: Im2Col.Geometry, keepColumns: Bool) -> (y: [T], columns: [T]?) {
        let L = g.columnCount, O = outChannels, K = g.columnRows
        let groups = groups(batch: batch, g)
        let widest = groups.map(\.count).max() ?? 0
        // Scratch buffers are fully overwritten (im2col writes every entry; GEMM with beta 0 ignores C).
        var columns: [T] = makeArray(K * widest * L) { _ in }
        var product: [T] = makeArray(O * widest * L) { _ in }
        let y: [T] = makeArray(batch * O * L) { y in
            x.withUnsafeBufferPointer { xs in w.withUnsafeBufferPointer { ws in
                columns.withUnsafeMutableBufferPointer { cols in product.withUnsafeMutableBufferPointer { prod in
                    for range in groups {
                        let ld = range.count * L
                        unfold(xs.baseAddress!, range, g, cols.baseAddress!)
                        T.gemm(transA: false, transB: false, m: O, n: ld, k: K, alpha: 1, a: ws.baseAddress!, lda: K,
                               b: cols.baseAddress!, ldb: ld, beta: 0, c: prod.baseAddress!, ldc: ld)
                        // product is [O, nb·L]; the output wants [nb, O, L].
                        for n in 0..<range.count {
                            for o in 0..<O {
                                let target = y + ((range.lowerBound + n) * O + o) * L
                                let source = prod.baseAddress! + o * ld + n * L
                                if let bias {
                                    let b = bias[o]
                                    for l in 0..<L { target[l] = source[l] + b }
                                } else {
                                    target.initialize(from: source, count: L)
                                }
                            }
                        }
                    }
                } }
            } }
        }
        return (y, keepColumns && groups.count == 1 ? columns : nil)
    }

    /// Gradients of the convolution: dW = Σ_groups G · colsᵀ, dx = col2im(Wᵀ · G) and db = Σ_{n,l} G,
    /// with G the output gradient laid out as [O, nb·L]. `savedColumns` is the forward pass's column
    /// matrix of the whole batch, when it kept one.
    static func backward<T: KernelScalar>(_ x: [T], savedColumns: [T]?, _ w: [T], _ gy: [T], batch: Int, outChannels: Int,
                                          _ g: Im2Col.Geometry, needInput: Bool, needWeight: Bool,
                                          needBias: Bool) -> (dx: [T]?, dw: [T]?, db: [T]?) {
        let L = g.columnCount, O = outChannels, K = g.columnRows
        let groups = groups(batch: batch, g)
        let widest = groups.map(\.count).max() ?? 0
        let reuse = savedColumns != nil && groups.count == 1
        var columns: [T] = makeArray(reuse && !needInput ? 0 : K * widest * L) { _ in }
        var gmat: [T] = makeArray(O * widest * L) { _ in }
        var dw: [T] = makeArray(needWeight ? O * K : 0) { _ in }     // first group's GEMM has beta 0
        var dx = [T](repeating: 0, count: needInput ? batch * g.imageCount : 0)
        // Bias gradient: per channel, a sum over images (in order) of sums over positions, in Double.
        var biasSums = [Double](repeating: 0, count: needBias ? O : 0)
        x.withUnsafeBufferPointer { xs in w.withUnsafeBufferPointer { ws in gy.withUnsafeBufferPointer { gys in
            columns.withUnsafeMutableBufferPointer { cols in gmat.withUnsafeMutableBufferPointer { gm in
                dw.withUnsafeMutableBufferPointer { dws in dx.withUnsafeMutableBufferPointer { dxs in
                    for (index, range) in groups.enumerated() {
                        let ld = range.count * L
                        for n in 0..<range.count {
                            for o in 0..<O {
                                let source = gys.baseAddress! + ((range.lowerBound + n) * O + o) * L
                                (gm.baseAddress! + o * ld + n * L).update(from: source, count: L)
                                if needBias {
                                    var sum: Double = 0
                                    for l in 0..<L { sum += Double(source[l]) }
                                    biasSums[o] += sum
                                }
                            }
                        }
                        if needWeight {
                            func weightGradient(_ columns: UnsafePointer<T>) {
                                T.gemm(transA: false, transB: true, m: O, n: K, k: ld, alpha: 1, a: gm.baseAddress!, lda: ld,
                                       b: columns, ldb: ld, beta: index == 0 ? 0 : 1, c: dws.baseAddress!, ldc: K)
                            }
                            if reuse, let savedColumns {
                                savedColumns.withUnsafeBufferPointer { weightGradient($0.baseAddress!) }
                            } else {
                                unfold(xs.baseAddress!, range, g, cols.baseAddress!)
                                weightGradient(cols.baseAddress!)
                            }
                        }
                        if needInput {
                            T.gemm(transA: true, transB: false, m: K, n: ld, k: O, alpha: 1, a: ws.baseAddress!, lda: K,
                                   b: gm.baseAddress!, ldb: ld, beta: 0, c: cols.baseAddress!, ldc: ld)
                            let colsBase = UnsafePointer(cols.baseAddress!), dxBase = dxs.baseAddress!
                            Parallel.forEachChunk(range.count, minChunk: 1) { images in
                                for n in images {
                                    T.col2im(colsBase + n * L, g, ld: ld, addingInto: dxBase + (range.lowerBound + n) * g.imageCount)
                                }
                            }
                        }
                    }
                } }
            } }
        } } }
        return (needInput ? dx : nil, needWeight ? dw : nil, needBias ? biasSums.map { T($0) } : nil)
    }
}
