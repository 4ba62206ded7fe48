/// BatchNorm → ReLU, and BatchNorm → ReLU → MaxPool2d(2), as one graph node each: the fused fast
/// paths ``Sequential`` takes for those runs of layers (see `LayerFusion`), with the loops in
/// `NormReLUPoolKernel`.
///
/// The value and every gradient equal the composite's bit for bit,
/// `maxPool2d(relu(batchNorm(x, ...)), kernel: 2)` (or without the pooling), because the kernel
/// evaluates the same expressions in the same order; the composite is the reference the tests compare
/// with (`FusedNormalizationTests`), and Float64 central differences check the gradients too.
///
/// What it saves is memory traffic: a training step of the composite writes x̂, the normalized
/// output, the rectified output, the pooled output and its indices, and in the backward pass three
/// full-size gradients; the fused node writes the pooled output and a byte per window, and one
/// gradient. Running statistics are updated exactly as ``batchNorm(_:runningMean:runningVar:weight:bias:training:momentum:eps:)`` does.
func batchNormReLU(_ x: Tensor, pool: Bool, runningMean: Tensor, runningVar: Tensor, weight: Tensor?, bias: Tensor?,
                   training: Bool, momentum: Double, eps: Double) -> Tensor {
    let op = pool ? "batchNormReLUMaxPool2d" : "batchNormReLU"
    if x.rank != 4 || runningMean.count != x.shape[1] || runningVar.count != x.shape[1] {
        fatalError("\(op): expected [N, C, H, W] with C = \(runningMean.count) running statistics, got \(ShapeError.describe(x.shape))")
    }
    for t in [weight, bias].compactMap({ $0 }) where t.count != x.shape[1] || t.dtype != x.dtype {
        ShapeError.mismatch(op, x.shape, t.shape, detail: "affine parameters need \(x.shape[1]) \(x.dtype) values")
    }
    let layout = NormReLUPoolKernel.Layout(n: x.shape[0], c: x.shape[1], h: x.shape[2], w: x.shape[3], pool: pool)
    if pool && (layout.h < 2 || layout.w < 2) {
        fatalError("\(op): 2×2 pooling needs H, W ≥ 2, got \(ShapeError.describe(x.shape))")
    }
    let n = layout.n * layout.plane
    if training && n < 2 {
        fatalError("\(op): training needs more than 1 value per channel, got input \(ShapeError.describe(x.shape))")
    }
    switch x.dtype {
    case .float32:
        return batchNormReLU(Float.self, x, layout, runningMean, runningVar, weight, bias, training, momentum, eps, op)
    case .float64:
        return batchNormReLU(Double.self, x, layout, runningMean, runningVar, weight, bias, training, momentum, eps, op)
    }
}

private func batchNormReLU<T: TensorScalar>(_: T.Type, _ x: Tensor, _ l: NormReLUPoolKernel.Layout, _ runningMean: Tensor,
                                            _ runningVar: Tensor, _ weight: Tensor?, _ bias: Tensor?, _ training: Bool,
                                            _ momentum: Double, _ eps: Double, _ op: String) -> Tensor {
    let gamma = weight.map { $0.storage(T.self) }
    let xs = x.storage(T.self)
    let forward = NormReLUPoolKernel.forward(xs, l, gamma: gamma, beta: bias.map { $0.storage(T.self) }, eps: eps,
                                             fixed: training ? nil : (runningMean.doubles, runningVar.doubles))
    if training {
        updateRunningStatistics((runningMean, runningVar), mean: forward.mean, variance: forward.variance,
                                count: l.n * l.plane, momentum: momentum)
    }
    let out = Tensor.make(forward.output, shape: [l.n, l.c, l.outH, l.outW])
    var inputs = [x]
    if let weight { inputs.append(weight) }
    if let bias { inputs.append(bias) }
    return Tensor.record(op, inputs: inputs, output: out) { g in
        let r = NormReLUPoolKernel.backward(g.storage(T.self), xs, l, forward: forward, gamma: gamma,
                                            batchStatistics: training, needX: x.requiresGrad)
        var grads: [Tensor?] = [r.dx.map { Tensor.make($0, shape: x.shape) }]
        if let weight { grads.append(weight.requiresGrad ? Tensor.make(r.dGamma.map { T($0) }, shape: weight.shape) : nil) }
        if let bias { grads.append(bias.requiresGrad ? Tensor.make(r.dBeta.map { T($0) }, shape: bias.shape) : nil) }
        return grads
    }
}
