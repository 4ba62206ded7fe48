/// Pooling operations on `[N, C, H, W]` tensors (windows and loops in `PoolKernel`).

/// Max pooling (stride defaults to the kernel size; padding, at most kernel / 2, never wins). The
/// gradient goes to the first maximal element of each window.
public func maxPool2d(_ x: Tensor, kernel: Int, stride: Int? = nil, padding: Int = 0) -> Tensor {
    let p = PoolGeometry(x.shape, "maxPool2d", kernel: kernel, stride: stride ?? kernel, padding: padding)
    let out: Tensor, argmax: [Int]
    switch x.dtype {
    case .float32: let r = PoolKernel.max(x.f32, p); out = Tensor(shape: p.outputShape, f32: r.0); argmax = r.1
    case .float64: let r = PoolKernel.max(x.f64, p); out = Tensor(shape: p.outputShape, f64: r.0); argmax = r.1
    }
    return Tensor.record("maxPool2d", inputs: [x], output: out) { g in
        switch x.dtype {
        case .float32: return [Tensor(shape: x.shape, f32: PoolKernel.scatter(g.f32, to: argmax, inputCount: x.count))]
        case .float64: return [Tensor(shape: x.shape, f64: PoolKernel.scatter(g.f64, to: argmax, inputCount: x.count))]
        }
    }
}

/// Average pooling (stride defaults to the kernel size): the mean of each k×k window, zero padding
/// included (PyTorch's `count_include_pad=True`); the gradient spreads each output gradient equally,
/// g / k², over its window.
public func avgPool2d(_ x: Tensor, kernel: Int, stride: Int? = nil, padding: Int = 0) -> Tensor {
    let p = PoolGeometry(x.shape, "avgPool2d", kernel: kernel, stride: stride ?? kernel, padding: padding)
    let out: Tensor
    switch x.dtype {
    case .float32: out = Tensor(shape: p.outputShape, f32: PoolKernel.average(x.f32, p))
    case .float64: out = Tensor(shape: p.outputShape, f64: PoolKernel.average(x.f64, p))
    }
    return Tensor.record("avgPool2d", inputs: [x], output: out) { g in
        switch x.dtype {
        case .float32: return [Tensor(shape: x.shape, f32: PoolKernel.averageBackward(g.f32, p, inputCount: x.count))]
        case .float64: return [Tensor(shape: x.shape, f64: PoolKernel.averageBackward(g.f64, p, inputCount: x.count))]
        }
    }
}

/// Global average pooling `[N, C, H, W] -> [N, C]`: the mean over each feature map (Lin et al. 2014,
/// "Network in Network"). Equal to `x.mean(axes: [2, 3])` (a test compares both and their
/// gradients); fused because the composite's broadcast-and-reduce machinery cost more than the sums.
/// Backward: every pixel of map (n, c) receives g[n, c] / (H·W).
public func globalAvgPool2d(_ x: Tensor) -> Tensor {
    if x.rank != 4 { fatalError("globalAvgPool2d: expected [N, C, H, W], got \(ShapeError.describe(x.shape))") }
    let maps = x.shape[0] * x.shape[1], size = x.shape[2] * x.shape[3]
    let outShape = [x.shape[0], x.shape[1]]
    let y = x.dtype == .float32 ? Tensor(shape: outShape, f32: PoolKernel.globalAverage(x.f32, maps: maps, size: size))
                                : Tensor(shape: outShape, f64: PoolKernel.globalAverage(x.f64, maps: maps, size: size))
    return Tensor.record("globalAvgPool2d", inputs: [x], output: y) { g in
        [g.dtype == .float32 ? Tensor(shape: x.shape, f32: PoolKernel.globalAverageBackward(g.f32, maps: maps, size: size))
                             : Tensor(shape: x.shape, f64: PoolKernel.globalAverageBackward(g.f64, maps: maps, size: size))]
    }
}
