/// Normalization as one graph node: x̂ = (x − μ) / √(σ² + ε), then γ·x̂ + β per channel, with the
/// loops in ``NormalizationKernel`` (which documents the statistics sets and the backward formulas).
///
/// The composite form (``standardize(_:axes:eps:)`` plus broadcast multiply and add) records ~10
/// graph nodes per layer; this op records one, which matters for small batches where per-op
/// overhead dominates (`cnn-bn-step`). `LayerGradientTests` check it against central differences and
/// `LayerNormalizationKernelTests` against the composite.

/// Mean and biased variance over `axes` (kept as size-1 axes), and the normalized x̂, from
/// differentiable primitives: the reference the fused op is tested against.
public func standardize(_ x: Tensor, axes: [Int], eps: Double = 1e-5) -> (xHat: Tensor, mean: Tensor, variance: Tensor) {
    let mean = x.mean(axes: axes, keepDims: true)
    let centered = x - mean
    let variance = centered.square().mean(axes: axes, keepDims: true)
    return (centered / (variance + eps).sqrt(), mean, variance)
}

/// The output of ``normalization(_:view:grouping:weight:bias:eps:fixed:op:)`` and the statistics it
/// used (biased variance), one value per statistics set.
struct NormalizationResult {
    let output: Tensor
    let mean: [Double]
    let variance: [Double]
}

/// Normalizes `x` viewed as `[N, C, S]` (by default N = shape[0], C = shape[1], S = the rest), one
/// recorded node with inputs x, γ and β. `fixed` supplies per-channel statistics instead of computing
/// them (only with `.perChannel`). γ and β hold C values each (any shape) or are nil. Traps, naming
/// `op` and the shapes, when the view, γ, β or the fixed statistics do not fit.
func normalization(_ x: Tensor, view: (n: Int, c: Int, s: Int)? = nil, grouping: NormalizationKernel.Grouping,
                   weight: Tensor?, bias: Tensor?, eps: Double, fixed: (mean: Tensor, variance: Tensor)? = nil,
                   op: String) -> NormalizationResult {
    let v = view ?? (x.shape[0], x.shape[1], x.count / Swift.max(x.shape[0] * x.shape[1], 1))
    if v.n * v.c * v.s != x.count { fatalError("\(op): view \(v) does not cover shape \(ShapeError.describe(x.shape))") }
    for t in [weight, bias].compactMap({ $0 }) where t.count != v.c || t.dtype != x.dtype {
        ShapeError.mismatch(op, x.shape, t.shape, detail: "affine parameters need \(v.c) \(x.dtype) values")
    }
    let layout = NormalizationKernel.Layout(n: v.n, c: v.c, s: v.s, grouping: grouping)
    if let fixed, grouping != .perChannel || fixed.mean.count != layout.setCount || fixed.variance.count != layout.setCount {
        fatalError("\(op): fixed statistics need \(layout.setCount) per-channel values, got mean \(ShapeError.describe(fixed.mean.shape)) and variance \(ShapeError.describe(fixed.variance.shape))")
    }
    switch x.dtype {
    case .float32: return normalization(Float.self, x, layout, weight, bias, eps, fixed, op)
    case .float64: return normalization(Double.self, x, layout, weight, bias, eps, fixed, op)
    }
}

private func normalization<T: TensorScalar>(_: T.Type, _ x: Tensor, _ l: NormalizationKernel.Layout, _ weight: Tensor?,
                                            _ bias: Tensor?, _ eps: Double, _ fixed: (mean: Tensor, variance: Tensor)?,
                                            _ op: String) -> NormalizationResult {
    let gamma = weight.map { $0.storage(T.self) }
    let forward = NormalizationKernel.forward(x.storage(T.self), l, gamma: gamma, beta: bias.map { $0.storage(T.self) },
                                              eps: eps, fixed: fixed.map { ($0.mean.doubles, $0.variance.doubles) })
    var inputs = [x]
    if let weight { inputs.append(weight) }
    if let bias { inputs.append(bias) }
    let out = Tensor.make(forward.y, shape: x.shape)
    let (xHat, invStd) = (forward.xHat, forward.invStd)
    let batchStatistics = fixed == nil
    Tensor.record(op, inputs: inputs, output: out) { g in
        let r = NormalizationKernel.backward(g.storage(T.self), l, xHat: xHat, invStd: invStd, gamma: gamma,
                                             batchStatistics: batchStatistics, needX: x.requiresGrad)
        var grads: [Tensor?] = [r.dx.map { Tensor.make($0, shape: x.shape) }]
        if let weight { grads.append(weight.requiresGrad ? Tensor.make(r.dGamma.map { T($0) }, shape: weight.shape) : nil) }
        if let bias { grads.append(bias.requiresGrad ? Tensor.make(r.dBeta.map { T($0) }, shape: bias.shape) : nil) }
        return grads
    }
    return NormalizationResult(output: out, mean: forward.mean, variance: forward.variance)
}

// MARK: - Functional forms (PyTorch's `torch.nn.functional`)

/// Batch normalization with caller-provided γ, β and running statistics, as PyTorch's
/// `F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)`.
///
/// Input `[N, C, *]`; statistics per channel c over N and every trailing axis.
/// - Training (`training: true`): normalize with the batch mean and *biased* variance; when running
///   statistics are given, update them in place with the *unbiased* variance σ²·n/(n − 1):
///   running ← (1 − momentum)·running + momentum·batch (PyTorch's convention: momentum weighs the new
///   value). Needs more than one value per channel.
/// - Evaluation (`training: false`): normalize with `runningMean` and `runningVar`, which are then
///   required; the gradient treats them as constants.
/// γ (`weight`) and β (`bias`) hold C values each, or are nil (1 and 0).
public func batchNorm(_ x: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor? = nil,
                      bias: Tensor? = nil, training: Bool = false, momentum: Double = 0.1, eps: Double = 1e-5) -> Tensor {
    batchNorm(x, runningMean: runningMean, runningVar: runningVar, weight: weight, bias: bias, training: training,
              momentum: momentum, eps: eps, op: "batchNorm")
}

/// The same, naming `op` (a layer's type) in traps and in the graph.
func batchNorm(_ x: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor? = nil,
               bias: Tensor? = nil, training: Bool = false, momentum: Double = 0.1, eps: Double = 1e-5, op: String) -> Tensor {
    if x.rank < 2 { fatalError("\(op): expected input [N, C, *], got \(ShapeError.describe(x.shape))") }
    let c = x.shape[1]
    let running = checkedRunningStatistics(runningMean, runningVar, channels: c, input: x.shape, op: op)
    if !training {
        guard let running else {
            fatalError("\(op): evaluation (training: false) needs runningMean and runningVar [\(c)]; input \(ShapeError.describe(x.shape))")
        }
        return normalization(x, grouping: .perChannel, weight: weight, bias: bias, eps: eps, fixed: running, op: op).output
    }
    let n = x.count / c
    if n < 2 { fatalError("\(op): training needs more than 1 value per channel, got input \(ShapeError.describe(x.shape))") }
    let result = normalization(x, grouping: .perChannel, weight: weight, bias: bias, eps: eps, op: op)
    if let running {
        updateRunningStatistics(running, mean: result.mean, variance: result.variance, count: n, momentum: momentum)
    }
    return result.output
}

/// Layer normalization (Ba, Kiros & Hinton 2016) as PyTorch's
/// `F.layer_norm(input, normalized_shape, weight, bias, eps)`: statistics over the trailing
/// `normalizedShape` axes of each sample; γ and β, when given, have shape `normalizedShape`
/// (one value per normalized element).
public func layerNorm(_ x: Tensor, normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil,
                      eps: Double = 1e-5) -> Tensor {
    layerNorm(x, normalizedShape: normalizedShape, weight: weight, bias: bias, eps: eps, op: "layerNorm")
}

/// The same, naming `op` (a layer's type) in traps and in the graph.
func layerNorm(_ x: Tensor, normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil,
               eps: Double = 1e-5, op: String) -> Tensor {
    let k = normalizedShape.count
    if k == 0 || x.rank < k || Array(x.shape.suffix(k)) != normalizedShape {
        ShapeError.mismatch(op, x.shape, normalizedShape, detail: "trailing axes must equal normalizedShape")
    }
    for (name, t) in [("weight", weight), ("bias", bias)] {
        if let t, t.shape != normalizedShape {
            ShapeError.mismatch(op, normalizedShape, t.shape, detail: "\(name) must have shape normalizedShape")
        }
    }
    let m = normalizedShape.reduce(1, *)
    return normalization(x, view: (x.count / m, m, 1), grouping: .groups(1), weight: weight, bias: bias,
                         eps: eps, op: op).output
}

/// Group normalization (Wu & He 2018) as PyTorch's `F.group_norm(input, num_groups, weight, bias, eps)`:
/// input `[N, C, *]`, the C channels split into `numGroups` groups of C/G consecutive channels;
/// statistics over each group and all trailing positions, per sample. γ and β hold C values each.
public func groupNorm(_ x: Tensor, numGroups: Int, weight: Tensor? = nil, bias: Tensor? = nil,
                      eps: Double = 1e-5) -> Tensor {
    groupNorm(x, numGroups: numGroups, weight: weight, bias: bias, eps: eps, op: "groupNorm")
}

/// The same, naming `op` (a layer's type) in traps and in the graph.
func groupNorm(_ x: Tensor, numGroups: Int, weight: Tensor? = nil, bias: Tensor? = nil,
               eps: Double = 1e-5, op: String) -> Tensor {
    if x.rank < 2 || numGroups <= 0 || x.shape[1] % numGroups != 0 {
        fatalError("\(op): expected input [N, C, *] with C divisible by \(numGroups) groups, got \(ShapeError.describe(x.shape))")
    }
    return normalization(x, grouping: .groups(numGroups), weight: weight, bias: bias, eps: eps, op: op).output
}

/// Instance normalization (Ulyanov, Vedaldi & Lempitsky 2016) as PyTorch's
/// `F.instance_norm(input, running_mean, running_var, weight, bias, use_input_stats, momentum, eps)`:
/// input `[N, C, *]`, statistics over the trailing axes of each sample and channel.
/// - `useInputStats: true` (the default): normalize each (n, c) with its own mean and biased variance;
///   when running statistics `[C]` are given, update them in place with the mean over the batch of
///   the per-instance statistics (the variances unbiased, σ²·S/(S − 1) for S trailing positions):
///   running ← (1 − momentum)·running + momentum·mean_n(statistic), as PyTorch does. Needs more than
///   one trailing position.
/// - `useInputStats: false`: normalize with the running statistics (then required), per channel.
/// γ and β hold C values each, or are nil.
public func instanceNorm(_ x: Tensor, runningMean: Tensor? = nil, runningVar: Tensor? = nil, weight: Tensor? = nil,
                         bias: Tensor? = nil, useInputStats: Bool = true, momentum: Double = 0.1,
                         eps: Double = 1e-5) -> Tensor {
    instanceNorm(x, runningMean: runningMean, runningVar: runningVar, weight: weight, bias: bias,
                 useInputStats: useInputStats, momentum: momentum, eps: eps, op: "instanceNorm")
}

/// The same, naming `op` (a layer's type) in traps and in the graph.
func instanceNorm(_ x: Tensor, runningMean: Tensor? = nil, runningVar: Tensor? = nil, weight: Tensor? = nil,
                  bias: Tensor? = nil, useInputStats: Bool = true, momentum: Double = 0.1, eps: Double = 1e-5, op: String) -> Tensor {
    if x.rank < 2 { fatalError("\(op): expected input [N, C, *], got \(ShapeError.describe(x.shape))") }
    let (n, c) = (x.shape[0], x.shape[1])
    let running = checkedRunningStatistics(runningMean, runningVar, channels: c, input: x.shape, op: op)
    if !useInputStats {
        guard let running else {
            fatalError("\(op): useInputStats: false needs runningMean and runningVar [\(c)]; input \(ShapeError.describe(x.shape))")
        }
        return normalization(x, grouping: .perChannel, weight: weight, bias: bias, eps: eps, fixed: running, op: op).output
    }
    let s = x.count / Swift.max(n * c, 1)
    if s < 2 { fatalError("\(op): needs more than 1 value per sample and channel, got input \(ShapeError.describe(x.shape))") }
    let result = normalization(x, grouping: .groups(c), weight: weight, bias: bias, eps: eps, op: op)
    if let running {
        // Statistics set k = i·C + ch; average each channel's over the batch.
        let perChannel = { (values: [Double]) in
            (0..<c).map { ch in (0..<n).reduce(0.0) { $0 + values[$1 * c + ch] } / Double(n) }
        }
        updateRunningStatistics(running, mean: perChannel(result.mean), variance: perChannel(result.variance),
                                count: s, momentum: momentum)
    }
    return result.output
}

/// Both running statistics or neither; each with C values. Traps with the shapes otherwise.
private func checkedRunningStatistics(_ mean: Tensor?, _ variance: Tensor?, channels: Int, input: [Int],
                                      op: String) -> (mean: Tensor, variance: Tensor)? {
    switch (mean, variance) {
    case (nil, nil): return nil
    case let (mean?, variance?):
        if mean.count != channels || variance.count != channels {
            fatalError("\(op): running statistics need \(channels) values for input \(ShapeError.describe(input)), got mean \(ShapeError.describe(mean.shape)) and variance \(ShapeError.describe(variance.shape))")
        }
        return (mean, variance)
    default:
        fatalError("\(op): give both runningMean and runningVar or neither (input \(ShapeError.describe(input)))")
    }
}

/// running ← (1 − momentum)·running + momentum·batch, the variance made unbiased with n/(n − 1) for
/// `count` = n values per statistic (PyTorch does the same). Written in place, no graph.
func updateRunningStatistics(_ running: (mean: Tensor, variance: Tensor), mean: [Double], variance: [Double],
                                     count n: Int, momentum m: Double) {
    let correction = Double(n) / Double(n - 1)
    let newMean = zip(running.mean.doubles, mean).map { (1 - m) * $0 + m * $1 }
    let newVar = zip(running.variance.doubles, variance).map { (1 - m) * $0 + m * $1 * correction }
    running.mean.assign(Tensor(newMean, shape: running.mean.shape, dtype: running.mean.dtype))
    running.variance.assign(Tensor(newVar, shape: running.variance.shape, dtype: running.variance.dtype))
}
