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
    }

    private static func run<T: TensorScalar>(_: T.Type, _ x: Tensor, _ l: Layout, _ weight: Tensor?, _ bias: Tensor?,
                                             _ eps: Double, _ fixed: (mean: Tensor, variance: Tensor)?,
                                             _ op: String) -> Result {
        let k = l.setCount, m = Double(l.setSize)
        let xs = x.storage(T.self)
        var mean = [Double](repeating: 0, count: k)
        var variance = [Double](repeating: 0, count: k)
        if let fixed {
            mean = fixed.mean.doubles
            variance = fixed.variance.doubles
        } else {
            // Two passes (mean, then centred squares) in a fixed order: stable and deterministic.
            xs.withUnsafeBufferPointer { xp in
                let base = xp.baseAddress!
                for i in 0..<l.n { for ch in 0..<l.c {
                    mean[l.set(i, ch)] += RowKernels.sum(base + (i * l.c + ch) * l.s, l.s)
                } }
                for set in 0..<k { mean[set] /= m }
                for i in 0..<l.n { for ch in 0..<l.c {
                    let set = l.set(i, ch)
                    variance[set] += RowKernels.squaredDeviations(base + (i * l.c + ch) * l.s, l.s, from: mean[set])
                } }
            }
            for set in 0..<k { variance[set] /= m }
        }
        let invStd = variance.map { 1 / ($0 + eps).squareRoot() }
        let gamma = weight.map { $0.storage(T.self) }
        let beta = bias.map { $0.storage(T.self) }
        // Every element of both is written below.
        var xHat: [T] = makeArray(x.count) { _ in }
        var y: [T] = makeArray(x.count) { _ in }
        xs.withUnsafeBufferPointer { xp in
            xHat.withUnsafeMutableBufferPointer { hp in
                y.withUnsafeMutableBufferPointer { yp in
                    for i in 0..<l.n { for ch in 0..<l.c {
                        let base = (i * l.c + ch) * l.s, set = l.set(i, ch)
                        RowKernels.normalize(xp.baseAddress! + base, l.s, mean: T(mean[set]), scale: T(invStd[set]),
                                             gamma: gamma?[ch] ?? 1, beta: beta?[ch] ?? 0,
                                             xHat: hp.baseAddress! + base, y: yp.baseAddress! + base)
                    } }
                }
            }
        }
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
        var dGamma = [Double](repeating: 0, count: l.c)
        var dBeta = [Double](repeating: 0, count: l.c)
        var sumG = [Double](repeating: 0, count: k)      // Σ ĝ per set
        var sumGH = [Double](repeating: 0, count: k)     // Σ ĝ·x̂ per set
        gs.withUnsafeBufferPointer { gp in
            xHat.withUnsafeBufferPointer { hp in
                for i in 0..<l.n { for ch in 0..<l.c {
                    let base = (i * l.c + ch) * l.s, set = l.set(i, ch)
                    let (sg, sgh) = RowKernels.sumAndDot(gp.baseAddress! + base, hp.baseAddress! + base, l.s)
                    dBeta[ch] += sg
                    dGamma[ch] += sgh
                    let gm = Double(gamma?[ch] ?? 1)
                    sumG[set] += gm * sg
                    sumGH[set] += gm * sgh
                } }
            }
        }
        var dx: Tensor?
        if needX {
            var out: [T] = makeArray(gs.count) { _ in }    // every element written below
            gs.withUnsafeBufferPointer { gp in
                xHat.withUnsafeBufferPointer { hp in
                    out.withUnsafeMutableBufferPointer { op in
                        for i in 0..<l.n { for ch in 0..<l.c {
                            let base = (i * l.c + ch) * l.s, set = l.set(i, ch)
                            RowKernels.normalizationGradient(gp.baseAddress! + base, xHat: hp.baseAddress! + base, l.s,
                                                             gamma: gamma?[ch] ?? 1, scale: T(invStd[set]),
                                                             meanG: batchStatistics ? T(sumG[set] / m) : 0,
                                                             meanGH: batchStatistics ? T(sumGH[set] / m) : 0,
                                                             into: op.baseAddress! + base)
                        } }
                    }
                }
            }
            dx = Tensor.make(out, shape: shape)
        }
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
