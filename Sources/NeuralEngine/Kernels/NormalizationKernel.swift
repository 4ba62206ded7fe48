/// The loops of every normalization: y = γ[c]·x̂ + β[c], x̂ = (x − μ_k)/√(σ²_k + ε), forward and backward,
/// over a row-major buffer viewed as `[N, C, S]` (S = product of the trailing axes).
///
/// Elements sharing statistics (set k):
/// - ``Grouping/perChannel``: all (n, s) of channel c (BatchNorm), k = c;
/// - ``Grouping/groups(_:)``: the C/G consecutive channels of group g in sample n, all s (GroupNorm;
///   G = 1 is LayerNorm, G = C InstanceNorm), k = n·G + g.
///
/// Backward (Ioffe & Szegedy 2015, §3, simplified): with ĝ = γ·∂L/∂y and means over the M elements
/// of a statistics set, ∂L/∂x = (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) / √(σ² + ε); ∂L/∂γ[c] = Σ ∂L/∂y·x̂,
/// ∂L/∂β[c] = Σ ∂L/∂y. With fixed statistics (eval-mode BatchNorm) μ and σ² are constants and
/// ∂L/∂x = ĝ / √(σ² + ε).
///
/// Work is split into units that share no statistics set (a channel for BatchNorm, a sample for
/// GroupNorm); each unit visits its rows in a fixed order, so results never depend on the thread count.
/// The graph node that calls these loops is `normalization(_:view:grouping:weight:bias:eps:fixed:op:)`
/// in Ops/Normalization.swift.
enum NormalizationKernel {
    enum Grouping: Equatable {
        case perChannel
        case groups(Int)
    }

    struct Layout {
        let n: Int, c: Int, s: Int
        let grouping: Grouping
        /// Number of statistics sets.
        var setCount: Int {
            switch grouping {
            case .perChannel: return c
            case .groups(let g): return n * g
            }
        }
        /// Elements per statistics set.
        var setSize: Int {
            switch grouping {
            case .perChannel: return n * s
            case .groups(let g): return (c / g) * s
            }
        }
        /// Statistics set of the row (sample i, channel ch).
        @inline(__always) func set(_ i: Int, _ ch: Int) -> Int {
            switch grouping {
            case .perChannel: return ch
            case .groups(let g): return i * g + ch / (c / g)
            }
        }
        /// Units of independent work: a channel (BatchNorm: its set spans all samples) or a sample
        /// (GroupNorm: its sets span its channels). No statistics set is shared by two units, so units
        /// run in parallel, and each visits its rows in the order a serial loop over (i, ch) would.
        var unitCount: Int {
            switch grouping {
            case .perChannel: return c
            case .groups: return n
            }
        }
        /// Number of rows of `unit`.
        @inline(__always) func rowCount(of unit: Int) -> Int {
            switch grouping {
            case .perChannel: return n
            case .groups: return c
            }
        }
        /// Row index (i·C + ch) of the k-th row of `unit` in `forEachRow` order.
        @inline(__always) func rowIndex(of unit: Int, _ k: Int) -> Int {
            switch grouping {
            case .perChannel: return k * c + unit
            case .groups: return unit * c + k
            }
        }
        /// Statistics set of the k-th row of `unit`.
        @inline(__always) func set(of unit: Int, _ k: Int) -> Int {
            switch grouping {
            case .perChannel: return unit
            case .groups: return set(unit, k)
            }
        }
        /// Calls `body(i, ch)` for the rows of `unit`, in increasing (i, ch) order.
        /// (Spelled out rather than through `rowIndex`, which would divide on every row of a hot loop.)
        @inline(__always) func forEachRow(of unit: Int, _ body: (Int, Int) -> Void) {
            switch grouping {
            case .perChannel: for i in 0..<n { body(i, unit) }
            case .groups: for ch in 0..<c { body(unit, ch) }
            }
        }
        /// The statistics sets of `unit`.
        func sets(of unit: Int) -> Range<Int> {
            switch grouping {
            case .perChannel: return unit..<(unit + 1)
            case .groups(let g): return (unit * g)..<((unit + 1) * g)
            }
        }
        /// Units per parallel chunk: everything inline below ~16K elements, else about 8 chunks.
        var unitsPerChunk: Int {
            n * c * s < 1 << 14 ? Swift.max(unitCount, 1) : Swift.max(1, (unitCount + 7) / 8)
        }
    }

    /// What the forward pass produces: y, and what the backward pass needs (x̂, 1/√(σ² + ε)).
    struct Forward<T: TensorScalar> {
        let y: [T]
        let xHat: [T]
        /// Per statistics set: the mean and biased variance used (computed, or the fixed ones).
        let mean: [Double]
        let variance: [Double]
        let invStd: [Double]
    }

    /// Normalizes `xs` (viewed by `l`). With `fixed` statistics (one mean and variance per set) the
    /// batch statistics are not computed. γ and β hold C values each, or are nil (1 and 0).
    static func forward<T: TensorScalar>(_ xs: [T], _ l: Layout, gamma: [T]?, beta: [T]?, eps: Double,
                                         fixed: (mean: [Double], variance: [Double])?) -> Forward<T> {
        let k = l.setCount
        let count = l.n * l.c * l.s
        var mean = fixed?.mean ?? [Double](repeating: 0, count: k)
        var variance = fixed?.variance ?? [Double](repeating: 0, count: k)
        var invStd = [Double](repeating: 0, count: k)
        // Every element of both is written below.
        var xHat: [T] = makeArray(count) { _ in }
        var y: [T] = makeArray(count) { _ in }
        xs.withUnsafeBufferPointer { xp in xHat.withUnsafeMutableBufferPointer { hp in y.withUnsafeMutableBufferPointer { yp in
            mean.withUnsafeMutableBufferPointer { mu in variance.withUnsafeMutableBufferPointer { v in
                invStd.withUnsafeMutableBufferPointer { inv in
                    let (x0, h0, y0) = (xp.baseAddress!, hp.baseAddress!, yp.baseAddress!)
                    Parallel.forEachChunk(l.unitCount, minChunk: l.unitsPerChunk) { units in
                        for unit in units {
                            statistics(of: unit, x0, l, eps: eps, computed: fixed == nil,
                                       mean: mu.baseAddress!, variance: v.baseAddress!, invStd: inv.baseAddress!)
                            l.forEachRow(of: unit) { i, ch in
                                let base = (i * l.c + ch) * l.s, set = l.set(i, ch)
                                RowKernels.normalize(x0 + base, l.s, mean: T(mu[set]), scale: T(inv[set]),
                                                     gamma: gamma?[ch] ?? 1, beta: beta?[ch] ?? 0, xHat: h0 + base, y: y0 + base)
                            }
                        }
                    }
                }
            } }
        } } }
        return Forward(y: y, xHat: xHat, mean: mean, variance: variance, invStd: invStd)
    }

    /// The statistics sets of `unit`: mean and biased variance (when `computed`; otherwise the given
    /// ones are kept), and 1/√(σ² + ε). Two passes over the unit's rows (mean, then centred squares) in
    /// a fixed order: stable and deterministic; the rows of one channel usually stay in L2 between them.
    @inline(__always)
    static func statistics<T: TensorScalar>(of unit: Int, _ x0: UnsafePointer<T>, _ l: Layout, eps: Double, computed: Bool,
                                            mean mu: UnsafeMutablePointer<Double>, variance v: UnsafeMutablePointer<Double>,
                                            invStd inv: UnsafeMutablePointer<Double>) {
        if computed {
            let m = Double(l.setSize)
            // The first pass reads the rows from memory: four at a time (`RowKernels.sums`), added in row
            // order; so does the second where all rows share one mean.
            let rows = l.rowCount(of: unit)
            @inline(__always) func row(_ k: Int) -> UnsafePointer<T> { x0 + l.rowIndex(of: unit, k) * l.s }
            var k = 0
            while k + 4 <= rows {
                let (s0, s1, s2, s3) = RowKernels.sums((row(k), row(k + 1), row(k + 2), row(k + 3)), l.s)
                mu[l.set(of: unit, k)] += s0; mu[l.set(of: unit, k + 1)] += s1
                mu[l.set(of: unit, k + 2)] += s2; mu[l.set(of: unit, k + 3)] += s3
                k += 4
            }
            while k < rows { mu[l.set(of: unit, k)] += RowKernels.sum(row(k), l.s); k += 1 }
            for set in l.sets(of: unit) { mu[set] /= m }
            k = 0
            if l.sets(of: unit).count == 1 {
                // One mean for all the unit's rows (BatchNorm, LayerNorm): the squares four rows at a time too.
                let mean = mu[l.set(of: unit, 0)]
                while k + 4 <= rows {
                    let (s0, s1, s2, s3) = RowKernels.squaredDeviations((row(k), row(k + 1), row(k + 2), row(k + 3)), l.s, from: mean)
                    let set = l.set(of: unit, k)
                    v[set] += s0; v[set] += s1; v[set] += s2; v[set] += s3
                    k += 4
                }
            }
            while k < rows {
                let set = l.set(of: unit, k)
                v[set] += RowKernels.squaredDeviations(row(k), l.s, from: mu[set])
                k += 1
            }
            for set in l.sets(of: unit) { v[set] /= m }
        }
        for set in l.sets(of: unit) { inv[set] = 1 / (v[set] + eps).squareRoot() }
    }

    /// Gradients from the output gradient `gs`: ∂L/∂x (when `needX`), and ∂L/∂γ, ∂L/∂β per channel
    /// (sums over samples in order, in Double). `batchStatistics` is false when the forward pass used
    /// fixed statistics.
    static func backward<T: TensorScalar>(_ gs: [T], _ l: Layout, xHat: [T], invStd: [Double], gamma: [T]?,
                                          batchStatistics: Bool, needX: Bool) -> (dx: [T]?, dGamma: [Double], dBeta: [Double]) {
        let k = l.setCount, m = Double(l.setSize)
        var rowSums = [Double](repeating: 0, count: 2 * l.n * l.c)   // (Σ g, Σ g·x̂) per row
        var sumG = [Double](repeating: 0, count: k)      // Σ ĝ per set
        var sumGH = [Double](repeating: 0, count: k)     // Σ ĝ·x̂ per set
        var out: [T] = makeArray(needX ? gs.count : 0) { _ in }    // every element written below
        gs.withUnsafeBufferPointer { gp in xHat.withUnsafeBufferPointer { hp in out.withUnsafeMutableBufferPointer { op in
            rowSums.withUnsafeMutableBufferPointer { rs in sumG.withUnsafeMutableBufferPointer { sg in
                sumGH.withUnsafeMutableBufferPointer { sgh in
                    let (g0, h0) = (gp.baseAddress!, hp.baseAddress!)
                    Parallel.forEachChunk(l.unitCount, minChunk: l.unitsPerChunk) { units in
                        for unit in units {
                            l.forEachRow(of: unit) { i, ch in
                                let base = (i * l.c + ch) * l.s, set = l.set(i, ch), row = i * l.c + ch
                                let (rowG, rowGH) = RowKernels.sumAndDot(g0 + base, h0 + base, l.s)
                                rs[2 * row] = rowG
                                rs[2 * row + 1] = rowGH
                                let gm = Double(gamma?[ch] ?? 1)
                                sg[set] += gm * rowG
                                sgh[set] += gm * rowGH
                            }
                            guard needX else { continue }
                            l.forEachRow(of: unit) { i, ch in
                                let base = (i * l.c + ch) * l.s, set = l.set(i, ch)
                                RowKernels.normalizationGradient(g0 + base, xHat: h0 + base, l.s,
                                                                 gamma: gamma?[ch] ?? 1, scale: T(invStd[set]),
                                                                 meanG: batchStatistics ? T(sg[set] / m) : 0,
                                                                 meanGH: batchStatistics ? T(sgh[set] / m) : 0,
                                                                 into: op.baseAddress! + base)
                            }
                        }
                    }
                }
            } }
        } } }
        // ∂L/∂β[c] = Σ_i Σ g and ∂L/∂γ[c] = Σ_i Σ g·x̂, samples in order.
        var dGamma = [Double](repeating: 0, count: l.c)
        var dBeta = [Double](repeating: 0, count: l.c)
        for i in 0..<l.n { for ch in 0..<l.c {
            dBeta[ch] += rowSums[2 * (i * l.c + ch)]
            dGamma[ch] += rowSums[2 * (i * l.c + ch) + 1]
        } }
        return (needX ? out : nil, dGamma, dBeta)
    }
}
