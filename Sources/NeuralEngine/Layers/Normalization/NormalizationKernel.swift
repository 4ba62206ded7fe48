/// A fused forward/backward for every normalization layer: y = γ[c]·x̂ + β[c], x̂ = (x − μ_k)/√(σ²_k + ε).
///
/// The input is viewed as `[N, C, S]` (S = product of the trailing axes). Elements sharing statistics:
/// - ``Grouping/perChannel``: all (n, s) of channel c (BatchNorm), k = c;
/// - ``Grouping/groups(_:)``: the C/G consecutive channels of group g in sample n, all s (GroupNorm;
///   G = 1 is LayerNorm, G = C InstanceNorm), k = n·G + g.
///
/// The composite form (``standardize(_:axes:eps:)`` plus broadcast multiply and add) records ~10
/// graph nodes per layer; this kernel records one, which matters for small batches where per-op
/// overhead dominates (`cnn-bn-step`). `LayerGradientTests` check it against central differences and
/// `NormalizationKernelTests` against the composite.
///
/// Backward (Ioffe & Szegedy 2015, §3, simplified): with ĝ = γ·∂L/∂y and means over the M elements
/// of a statistics set, ∂L/∂x = (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) / √(σ² + ε); ∂L/∂γ[c] = Σ ∂L/∂y·x̂,
/// ∂L/∂β[c] = Σ ∂L/∂y. With fixed statistics (eval-mode BatchNorm) μ and σ² are constants and
/// ∂L/∂x = ĝ / √(σ² + ε).
enum NormalizationKernel {
    enum Grouping: Equatable {
        case perChannel
        case groups(Int)
    }

    /// Output and the statistics used (biased variance), one value per statistics set.
    struct Result {
        let output: Tensor
        let mean: [Double]
        let variance: [Double]
    }

    /// Normalizes `x` viewed as `[N, C, S]` (by default N = shape[0], C = shape[1], S = the rest);
    /// `fixed` supplies per-channel statistics instead of computing them (only with `.perChannel`).
    /// γ and β hold C values (any shape).
    static func apply(_ x: Tensor, view: (n: Int, c: Int, s: Int)? = nil, grouping: Grouping, weight: Tensor?,
                      bias: Tensor?, eps: Double, fixed: (mean: Tensor, variance: Tensor)? = nil, op: String) -> Result {
        let v = view ?? (x.shape[0], x.shape[1], x.count / Swift.max(x.shape[0] * x.shape[1], 1))
        if v.n * v.c * v.s != x.count { fatalError("\(op): view \(v) does not cover shape \(ShapeError.describe(x.shape))") }
        for t in [weight, bias].compactMap({ $0 }) where t.count != v.c || t.dtype != x.dtype {
            ShapeError.mismatch(op, x.shape, t.shape, detail: "affine parameters need \(v.c) \(x.dtype) values")
        }
        let layout = Layout(n: v.n, c: v.c, s: v.s, grouping: grouping)
        switch x.dtype {
        case .float32: return run(Float.self, x, layout, weight, bias, eps, fixed, op)
        case .float64: return run(Double.self, x, layout, weight, bias, eps, fixed, op)
        }
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
        /// Calls `body(i, ch)` for the rows of `unit`, in increasing (i, ch) order.
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

    private static func run<T: TensorScalar>(_: T.Type, _ x: Tensor, _ l: Layout, _ weight: Tensor?, _ bias: Tensor?,
                                             _ eps: Double, _ fixed: (mean: Tensor, variance: Tensor)?,
                                             _ op: String) -> Result {
        if let fixed, l.grouping != .perChannel || fixed.mean.count != l.setCount || fixed.variance.count != l.setCount {
            fatalError("\(op): fixed statistics need \(l.setCount) per-channel values, got mean \(ShapeError.describe(fixed.mean.shape)) and variance \(ShapeError.describe(fixed.variance.shape))")
        }
        let k = l.setCount, m = Double(l.setSize)
        let xs = x.storage(T.self)
        var mean = fixed?.mean.doubles ?? [Double](repeating: 0, count: k)
        var variance = fixed?.variance.doubles ?? [Double](repeating: 0, count: k)
        var invStd = [Double](repeating: 0, count: k)
        let gamma = weight.map { $0.storage(T.self) }
        let beta = bias.map { $0.storage(T.self) }
        // Every element of both is written below.
        var xHat: [T] = makeArray(x.count) { _ in }
        var y: [T] = makeArray(x.count) { _ in }
        xs.withUnsafeBufferPointer { xp in xHat.withUnsafeMutableBufferPointer { hp in y.withUnsafeMutableBufferPointer { yp in
            mean.withUnsafeMutableBufferPointer { mu in variance.withUnsafeMutableBufferPointer { v in
                invStd.withUnsafeMutableBufferPointer { inv in
                    let (x0, h0, y0) = (xp.baseAddress!, hp.baseAddress!, yp.baseAddress!)
                    Parallel.forEachChunk(l.unitCount, minChunk: l.unitsPerChunk) { units in
                        for unit in units {
                            if fixed == nil {
                                // Two passes (mean, then centred squares) in a fixed order: stable and deterministic.
                                l.forEachRow(of: unit) { i, ch in mu[l.set(i, ch)] += RowKernels.sum(x0 + (i * l.c + ch) * l.s, l.s) }
                                for set in l.sets(of: unit) { mu[set] /= m }
                                l.forEachRow(of: unit) { i, ch in
                                    let set = l.set(i, ch)
                                    v[set] += RowKernels.squaredDeviations(x0 + (i * l.c + ch) * l.s, l.s, from: mu[set])
                                }
                                for set in l.sets(of: unit) { v[set] /= m }
                            }
                            for set in l.sets(of: unit) { inv[set] = 1 / (v[set] + eps).squareRoot() }
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
        var inputs = [x]
        if let weight { inputs.append(weight) }
        if let bias { inputs.append(bias) }
        let out = Tensor.make(y, shape: x.shape)
        let batchStatistics = fixed == nil
        Tensor.record(op, inputs: inputs, output: out) { g in
            backward(T.self, g, l, xHat, invStd, gamma, batchStatistics: batchStatistics,
                     needX: x.requiresGrad, weight: weight, bias: bias, shape: x.shape)
        }
        return Result(output: out, mean: mean, variance: variance)
    }

    private static func backward<T: TensorScalar>(_: T.Type, _ g: Tensor, _ l: Layout, _ xHat: [T], _ invStd: [Double],
                                                  _ gamma: [T]?, batchStatistics: Bool, needX: Bool,
                                                  weight: Tensor?, bias: Tensor?, shape: [Int]) -> [Tensor?] {
        let gs = g.storage(T.self)
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
        let dx: Tensor? = needX ? Tensor.make(out, shape: shape) : nil
        var grads: [Tensor?] = [dx]
        if let weight {
            grads.append(weight.requiresGrad ? Tensor.make(dGamma.map { T($0) }, shape: weight.shape) : nil)
        }
        if let bias {
            grads.append(bias.requiresGrad ? Tensor.make(dBeta.map { T($0) }, shape: bias.shape) : nil)
        }
        return grads
    }
}
