/// Pooling over spatial windows of `[N, C, H, W]` tensors, as PyTorch's `MaxPool2d` / `AvgPool2d`:
/// output size ⌊(H + 2·padding − k) / s⌋ + 1, padding at most k/2. Max pooling treats padding as −∞
/// (it never wins); average pooling counts it as zeros and divides by k² (`count_include_pad=True`).
struct PoolGeometry {
    let planes: Int, h: Int, w: Int, oh: Int, ow: Int, kernel: Int, stride: Int, padding: Int

    init(_ x: Tensor, _ op: String, kernel: Int, stride: Int, padding: Int) {
        if x.rank != 4 { fatalError("\(op): expected [N, C, H, W], got \(ShapeError.describe(x.shape))") }
        if kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel
            || kernel > x.shape[2] + 2 * padding || kernel > x.shape[3] + 2 * padding {
            fatalError("\(op): kernel \(kernel) / stride \(stride) / padding \(padding) invalid for input \(ShapeError.describe(x.shape)) (padding must be at most kernel / 2)")
        }
        planes = x.shape[0] * x.shape[1]; h = x.shape[2]; w = x.shape[3]
        oh = (h + 2 * padding - kernel) / stride + 1; ow = (w + 2 * padding - kernel) / stride + 1
        self.kernel = kernel; self.stride = stride; self.padding = padding
    }

    func outputShape(_ x: Tensor) -> [Int] { [x.shape[0], x.shape[1], oh, ow] }

    /// Calls `body(outputIndex, planeStart, rows, columns)` for every output position in row-major
    /// order, with the window clipped to the image (never empty, since padding ≤ k/2).
    @inline(__always)
    func forEachWindow(_ body: (Int, Int, Range<Int>, Range<Int>) -> Void) {
        var index = 0
        for plane in 0..<planes {
            let base = plane * h * w
            for i in 0..<oh {
                let top = i * stride - padding
                let rows = Swift.max(0, top)..<Swift.min(h, top + kernel)
                for j in 0..<ow {
                    let left = j * stride - padding
                    body(index, base, rows, Swift.max(0, left)..<Swift.min(w, left + kernel))
                    index += 1
                }
            }
        }
    }
}

enum PoolKernel {
    /// Window maxima and the flat input index of each (first maximum on ties).
    static func max<T: TensorScalar>(_ x: [T], _ p: PoolGeometry) -> ([T], [Int]) {
        let n = p.planes * p.oh * p.ow
        var argmax = [Int](repeating: 0, count: n)
        let values: [T] = x.withUnsafeBufferPointer { xs in
            makeArray(n) { out in
                p.forEachWindow { index, base, rows, columns in
                    var best = base + rows.lowerBound * p.w + columns.lowerBound
                    for u in rows {
                        let row = base + u * p.w
                        for v in columns where xs[row + v] > xs[best] { best = row + v }
                    }
                    out[index] = xs[best]; argmax[index] = best
                }
            }
        }
        return (values, argmax)
    }

    /// Window means (padding counted as zeros).
    static func average<T: TensorScalar>(_ x: [T], _ p: PoolGeometry) -> [T] {
        let scale = 1 / T(p.kernel * p.kernel)
        return x.withUnsafeBufferPointer { xs in
            makeArray(p.planes * p.oh * p.ow) { out in
                p.forEachWindow { index, base, rows, columns in
                    var acc: T = 0
                    for u in rows { for v in columns { acc += xs[base + u * p.w + v] } }
                    out[index] = acc * scale
                }
            }
        }
    }

    /// Adjoint of `average`: each output gradient spread as g / k² over the image part of its window.
    static func averageBackward<T: TensorScalar>(_ g: [T], _ p: PoolGeometry, inputCount: Int) -> [T] {
        let scale = 1 / T(p.kernel * p.kernel)
        var dx = [T](repeating: 0, count: inputCount)
        dx.withUnsafeMutableBufferPointer { d in
            p.forEachWindow { index, base, rows, columns in
                let share = g[index] * scale
                for u in rows { for v in columns { d[base + u * p.w + v] += share } }
            }
        }
        return dx
    }

    /// Adjoint of `max`: each output gradient added to its window's maximum.
    static func scatter<T: TensorScalar>(_ g: [T], to argmax: [Int], inputCount: Int) -> [T] {
        var dx = [T](repeating: 0, count: inputCount)
        for (k, i) in argmax.enumerated() { dx[i] += g[k] }
        return dx
    }
}

/// Max pooling (stride defaults to the kernel size; padding, at most kernel / 2, never wins). The
/// gradient goes to the first maximal element of each window.
public func maxPool2d(_ x: Tensor, kernel: Int, stride: Int? = nil, padding: Int = 0) -> Tensor {
    let p = PoolGeometry(x, "maxPool2d", kernel: kernel, stride: stride ?? kernel, padding: padding)
    let out: Tensor, argmax: [Int]
    switch x.dtype {
    case .float32: let r = PoolKernel.max(x.f32, p); out = Tensor(shape: p.outputShape(x), f32: r.0); argmax = r.1
    case .float64: let r = PoolKernel.max(x.f64, p); out = Tensor(shape: p.outputShape(x), f64: r.0); argmax = r.1
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
    let p = PoolGeometry(x, "avgPool2d", kernel: kernel, stride: stride ?? kernel, padding: padding)
    let out: Tensor
    switch x.dtype {
    case .float32: out = Tensor(shape: p.outputShape(x), f32: PoolKernel.average(x.f32, p))
    case .float64: out = Tensor(shape: p.outputShape(x), f64: PoolKernel.average(x.f64, p))
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
    func pool<T: TensorScalar>(_ values: [T]) -> [T] {
        makeArray(maps) { out in
            values.withUnsafeBufferPointer { v in
                for map in 0..<maps { out[map] = T(RowKernels.sum(v.baseAddress! + map * size, size) / Double(size)) }
            }
        }
    }
    func spread<T: TensorScalar>(_ grad: [T]) -> [T] {
        makeArray(maps * size) { out in
            for map in 0..<maps { (out + map * size).initialize(repeating: grad[map] / T(size), count: size) }
        }
    }
    let outShape = [x.shape[0], x.shape[1]]
    let y = x.dtype == .float32 ? Tensor(shape: outShape, f32: pool(x.f32)) : Tensor(shape: outShape, f64: pool(x.f64))
    return Tensor.record("globalAvgPool2d", inputs: [x], output: y) { g in
        [g.dtype == .float32 ? Tensor(shape: x.shape, f32: spread(g.f32)) : Tensor(shape: x.shape, f64: spread(g.f64))]
    }
}
