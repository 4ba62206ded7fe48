/// BatchNorm → ReLU (→ 2×2 max pooling, stride 2) over `[N, C, H, W]` in one pass over the
/// activations each way: the loops behind `batchNormReLU(_:...)` (Ops/FusedNormalization.swift).
///
/// The composite runs three ops, each reading and writing whole activation tensors: the normalization
/// writes x̂ and y, ReLU reads y and writes r, pooling reads r and writes the maxima and their indices;
/// backward, each op reads its saved tensors and writes a full-size gradient. Here, per channel (the
/// unit of BatchNorm's statistics), every image's row `x[n, c]` is normalized into a row buffer that
/// stays in L1 (x̂ only in registers), rectified and pooled from there; only the (pooled) output and one byte per output
/// (which window element won) are written. Backward rebuilds each row's ∂L/∂z (the gradient at the
/// normalization's output) from those into a per-channel buffer, recomputes x̂ from x in registers
/// (`RowKernelsStandardized`), and writes ∂L/∂x once.
///
/// Every value is computed by the same expressions, in the same order, as the composite
/// (`NormalizationKernel` with `RowKernels`, `ReluKernel`'s max(x, 0), `PoolKernel.max`), so the results are the
/// composite's bit for bit; `FusedNormalizationTests` check that, and Float64 central differences.
/// Work is split over channels in chunks that depend on the shape only: thread-count independent.
enum NormReLUPoolKernel {
    /// `[N, C, H, W]` and whether a 2×2 / stride 2 max pooling follows the ReLU (output ⌊H/2⌋×⌊W/2⌋).
    struct Layout {
        let n: Int, c: Int, h: Int, w: Int
        let pool: Bool
        var plane: Int { h * w }
        var outH: Int { pool ? h / 2 : h }
        var outW: Int { pool ? w / 2 : w }
        var outPlane: Int { outH * outW }
        var normalization: NormalizationKernel.Layout { .init(n: n, c: c, s: plane, grouping: .perChannel) }
    }

    struct Forward<T: TensorScalar> {
        /// relu(γ·x̂ + β), pooled when `pool`: `[N, C, outH, outW]`.
        let output: [T]
        /// With pooling: which element of each window won (0...3, row-major in the window).
        let winner: [UInt8]
        let mean: [Double]
        let variance: [Double]
        let invStd: [Double]
    }

    /// Per channel statistics as `NormalizationKernel.forward` computes them (or the fixed ones), then
    /// the normalized, rectified and pooled rows.
    static func forward<T: TensorScalar>(_ xs: [T], _ l: Layout, gamma: [T]?, beta: [T]?, eps: Double,
                                         fixed: (mean: [Double], variance: [Double])?) -> Forward<T> {
        let statisticsLayout = l.normalization
        var mean = fixed?.mean ?? [Double](repeating: 0, count: l.c)
        var variance = fixed?.variance ?? [Double](repeating: 0, count: l.c)
        var invStd = [Double](repeating: 0, count: l.c)
        var winner = [UInt8](repeating: 0, count: l.pool ? l.n * l.c * l.outPlane : 0)
        let output: [T] = makeArray(l.n * l.c * l.outPlane) { out in
            xs.withUnsafeBufferPointer { xp in winner.withUnsafeMutableBufferPointer { wp in
                mean.withUnsafeMutableBufferPointer { mu in variance.withUnsafeMutableBufferPointer { v in
                    invStd.withUnsafeMutableBufferPointer { inv in
                        let (x0, w0) = (xp.baseAddress!, wp.baseAddress)
                        Parallel.forEachChunk(l.c, minChunk: statisticsLayout.unitsPerChunk) { channels in
                            withRowBuffer(T.self, l.plane + rowPadding) { z in
                                (z + l.plane).initialize(repeating: 0, count: rowPadding)
                                for ch in channels {
                                    NormalizationKernel.statistics(of: ch, x0, statisticsLayout, eps: eps, computed: fixed == nil,
                                                                   mean: mu.baseAddress!, variance: v.baseAddress!,
                                                                   invStd: inv.baseAddress!)
                                    let m = T(mu[ch]), scale = T(inv[ch])
                                    let g = gamma?[ch] ?? 1, b = beta?[ch] ?? 0
                                    for i in 0..<l.n {
                                        let row = i * l.c + ch
                                        RowKernels.normalizeAffine(x0 + row * l.plane, l.plane, mean: m, scale: scale,
                                                                   gamma: g, beta: b, y: z)
                                        if l.pool {
                                            maxPoolRectified(z, l, into: out + row * l.outPlane, winners: w0! + row * l.outPlane)
                                        } else {
                                            let target = out + row * l.plane
                                            for j in 0..<l.plane { target[j] = rectified(z[j]) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                } }
            } }
        }
        return Forward(output: output, winner: winner, mean: mean, variance: variance, invStd: invStd)
    }

    /// max(x, 0) as `ReluKernel` computes it (NaN gives 0).
    @inline(__always)
    static func rectified<T: TensorScalar>(_ x: T) -> T { x > 0 ? x : 0 }

    /// 2×2 / stride 2 windows of relu(z): the first maximum in row-major window order wins, as in
    /// `PoolKernel.max` over the rectified values. Float rows take the branch-free vector loop of
    /// NormReLUPoolLanes.swift (on random data every comparison is a coin toss: branches made the
    /// scalar loop four times slower); `z` must then hold `rowPadding` readable elements past its plane.
    @inline(__always)
    static func maxPoolRectified<T: TensorScalar>(_ z: UnsafePointer<T>, _ l: Layout, into out: UnsafeMutablePointer<T>,
                                                  winners: UnsafeMutablePointer<UInt8>) {
        if T.self == Float.self {
            maxPoolRectifiedFloat(UnsafeRawPointer(z).assumingMemoryBound(to: Float.self), l,
                                  into: UnsafeMutableRawPointer(out).assumingMemoryBound(to: Float.self), winners: winners)
            return
        }
        for oy in 0..<l.outH {
            let top = z + 2 * oy * l.w, bottom = top + l.w
            for ox in 0..<l.outW {
                let candidates = (rectified(top[2 * ox]), rectified(top[2 * ox + 1]),
                                  rectified(bottom[2 * ox]), rectified(bottom[2 * ox + 1]))
                var best = candidates.0, index: UInt8 = 0
                if candidates.1 > best { best = candidates.1; index = 1 }
                if candidates.2 > best { best = candidates.2; index = 2 }
                if candidates.3 > best { best = candidates.3; index = 3 }
                out[oy * l.outW + ox] = best
                winners[oy * l.outW + ox] = index
            }
        }
    }

    /// All ones when `condition`, else zero (a compare and a negation, no branch).
    @inline(__always)
    static func mask(_ condition: Bool) -> UInt32 { 0 &- UInt32(condition ? 1 : 0) }

    /// ∂L/∂x, ∂L/∂γ, ∂L/∂β from the output gradient `gs` (`[N, C, outH, outW]`), the input x, the
    /// forward's output and winners, and its statistics.
    static func backward<T: TensorScalar>(_ gs: [T], _ xs: [T], _ l: Layout, forward f: Forward<T>, gamma: [T]?,
                                          batchStatistics: Bool, needX: Bool) -> (dx: [T]?, dGamma: [Double], dBeta: [Double]) {
        let m = Double(l.n * l.plane)
        var rowSums = [Double](repeating: 0, count: 2 * l.n * l.c)   // (Σ g, Σ g·x̂) per row, as the composite
        var dx: [T] = makeArray(needX ? l.n * l.c * l.plane : 0) { _ in }   // every element written below
        gs.withUnsafeBufferPointer { gp in xs.withUnsafeBufferPointer { xp in f.output.withUnsafeBufferPointer { op in
            f.winner.withUnsafeBufferPointer { wp in rowSums.withUnsafeMutableBufferPointer { rs in
                dx.withUnsafeMutableBufferPointer { dp in
                    let (g0, x0, o0, w0, d0) = (gp.baseAddress!, xp.baseAddress!, op.baseAddress!, wp.baseAddress, dp.baseAddress)
                    Parallel.forEachChunk(l.c, minChunk: l.normalization.unitsPerChunk) { channels in
                        // ∂L/∂z of every image of the channel (built once, read again by the second
                        // pass: 400 KiB for 128 images of 28×28, in L2); x̂ is recomputed from x in registers.
                        let buffer = allocateAligned(T.self, count: l.n * l.plane + 8)
                        defer { buffer.deallocate() }
                        for ch in channels {
                            let mean = T(f.mean[ch]), scale = T(f.invStd[ch]), gm = gamma?[ch] ?? 1
                            var sumG = 0.0, sumGH = 0.0
                            @inline(__always) func record(_ i: Int, _ sums: (Double, Double)) {
                                let row = i * l.c + ch
                                rs[2 * row] = sums.0
                                rs[2 * row + 1] = sums.1
                                sumG += Double(gm) * sums.0
                                sumGH += Double(gm) * sums.1
                            }
                            // ∂L/∂z of each row, then its sums against 1 and x̂ = (x − μ)·s as the forward
                            // computed it, four rows at a time (`RowKernels.sumsAndDotsStandardized`: x comes
                            // from memory), recorded in row order.
                            for i in 0..<l.n {
                                let row = i * l.c + ch
                                gradientAtNormalizedOutput(g0 + row * l.outPlane, o0 + row * l.outPlane,
                                                           l.pool ? w0! + row * l.outPlane : nil, l, into: buffer + i * l.plane)
                                guard i % 4 == 3 else { continue }
                                let first = i - 3
                                @inline(__always) func dzRow(_ k: Int) -> UnsafePointer<T> { UnsafePointer(buffer + (first + k) * l.plane) }
                                @inline(__always) func xRow(_ k: Int) -> UnsafePointer<T> { x0 + ((first + k) * l.c + ch) * l.plane }
                                let sums = RowKernels.sumsAndDotsStandardized((dzRow(0), dzRow(1), dzRow(2), dzRow(3)),
                                                                              (xRow(0), xRow(1), xRow(2), xRow(3)),
                                                                              l.plane, mean: mean, scale: scale)
                                record(first, sums.0); record(first + 1, sums.1)
                                record(first + 2, sums.2); record(first + 3, sums.3)
                            }
                            for i in (l.n - l.n % 4)..<l.n {
                                let row = i * l.c + ch
                                record(i, RowKernels.sumAndDotStandardized(buffer + i * l.plane, x0 + row * l.plane, l.plane,
                                                                           mean: mean, scale: scale))
                            }
                            guard needX else { continue }
                            let meanG = batchStatistics ? T(sumG / m) : 0, meanGH = batchStatistics ? T(sumGH / m) : 0
                            @inline(__always) func dz(_ i: Int) -> UnsafePointer<T> { UnsafePointer(buffer + i * l.plane) }
                            @inline(__always) func x(_ i: Int) -> UnsafePointer<T> { x0 + (i * l.c + ch) * l.plane }
                            @inline(__always) func dx(_ i: Int) -> UnsafeMutablePointer<T> { d0! + (i * l.c + ch) * l.plane }
                            var i = 0
                            while i + 4 <= l.n {
                                RowKernels.normalizationGradientsStandardized(
                                    (dz(i), dz(i + 1), dz(i + 2), dz(i + 3)), x: (x(i), x(i + 1), x(i + 2), x(i + 3)), l.plane,
                                    mean: mean, gamma: gm, scale: scale, meanG: meanG, meanGH: meanGH,
                                    into: (dx(i), dx(i + 1), dx(i + 2), dx(i + 3)))
                                i += 4
                            }
                            while i < l.n {
                                RowKernels.normalizationGradientStandardized(dz(i), x: x(i), l.plane, mean: mean, gamma: gm, scale: scale,
                                                                             meanG: meanG, meanGH: meanGH, into: dx(i))
                                i += 1
                            }
                        }
                    }
                }
            } }
        } } }
        // ∂L/∂β[c] = Σ_i Σ g and ∂L/∂γ[c] = Σ_i Σ g·x̂, samples in order (as the composite).
        var dGamma = [Double](repeating: 0, count: l.c), dBeta = [Double](repeating: 0, count: l.c)
        for i in 0..<l.n { for ch in 0..<l.c {
            dBeta[ch] += rowSums[2 * (i * l.c + ch)]
            dGamma[ch] += rowSums[2 * (i * l.c + ch) + 1]
        } }
        return (needX ? dx : nil, dGamma, dBeta)
    }

    /// ∂L/∂z for one row, z = γ·x̂ + β: the pooling's adjoint puts each output gradient on its window's
    /// winner (zero elsewhere), then ReLU's passes it where z > 0, which at a winner is where the
    /// pooled output is > 0. Without pooling: g where the output is > 0.
    @inline(__always)
    static func gradientAtNormalizedOutput<T: TensorScalar>(_ g: UnsafePointer<T>, _ output: UnsafePointer<T>,
                                                            _ winners: UnsafePointer<UInt8>?, _ l: Layout,
                                                            into dz: UnsafeMutablePointer<T>) {
        guard let winners else {
            for j in 0..<l.plane { dz[j] = output[j] > 0 ? g[j] : 0 }
            return
        }
        if T.self == Float.self {
            scatterToWinnersFloat(UnsafeRawPointer(g).assumingMemoryBound(to: Float.self),
                                  UnsafeRawPointer(output).assumingMemoryBound(to: Float.self), winners, l,
                                  into: UnsafeMutableRawPointer(dz).assumingMemoryBound(to: Float.self))
            return
        }
        dz.update(repeating: 0, count: l.plane)
        for oy in 0..<l.outH {
            for ox in 0..<l.outW {
                let o = oy * l.outW + ox
                let winner = Int(winners[o])
                let target = (2 * oy + winner / 2) * l.w + 2 * ox + winner % 2
                // 0 + g where the pooled output is > 0 (the composite's scatter adds into zeros, so a
                // −0 gradient becomes +0 there too), else 0.
                dz[target] = output[o] > 0 ? 0 + g[o] : 0
            }
        }
    }

    /// A row buffer of `count` elements (at least 8) for the duration of `body`.
    @inline(__always)
    static func withRowBuffer<T>(_: T.Type, _ count: Int, _ body: (UnsafeMutablePointer<T>) -> Void) {
        let buffer = allocateAligned(T.self, count: Swift.max(count, 8))
        defer { buffer.deallocate() }
        body(buffer)
    }
}
