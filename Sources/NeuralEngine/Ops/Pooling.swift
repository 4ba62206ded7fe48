/// Pooling over spatial windows of `[N, C, H, W]` tensors (no padding; output size floor((H − k)/s) + 1).
enum PoolGeometry {
    static func output(_ x: Tensor, _ op: String, kernel: Int, stride: Int) -> (n: Int, c: Int, h: Int, w: Int, oh: Int, ow: Int) {
        if x.rank != 4 { fatalError("\(op): expected [N, C, H, W], got \(ShapeError.describe(x.shape))") }
        if kernel < 1 || stride < 1 || kernel > x.shape[2] || kernel > x.shape[3] {
            fatalError("\(op): kernel \(kernel) / stride \(stride) invalid for input \(ShapeError.describe(x.shape))")
        }
        let (h, w) = (x.shape[2], x.shape[3])
        return (x.shape[0], x.shape[1], h, w, (h - kernel) / stride + 1, (w - kernel) / stride + 1)
    }
}

/// Max pooling (stride defaults to the kernel size). The gradient goes to the first maximal element
/// of each window.
public func maxPool2d(_ x: Tensor, kernel: Int, stride: Int? = nil) -> Tensor {
    let s = stride ?? kernel
    let p = PoolGeometry.output(x, "maxPool2d", kernel: kernel, stride: s)
    let values = x.doubles
    let outCount = p.n * p.c * p.oh * p.ow
    var result = [Double](repeating: 0, count: outCount)
    var argmax = [Int](repeating: 0, count: outCount)
    var index = 0
    for plane in 0..<(p.n * p.c) {
        let base = plane * p.h * p.w
        for i in 0..<p.oh {
            for j in 0..<p.ow {
                var best = base + i * s * p.w + j * s
                for u in 0..<kernel {
                    for v in 0..<kernel {
                        let at = base + (i * s + u) * p.w + j * s + v
                        if values[at] > values[best] { best = at }
                    }
                }
                result[index] = values[best]; argmax[index] = best
                index += 1
            }
        }
    }
    let out = Tensor(result, shape: [p.n, p.c, p.oh, p.ow], dtype: x.dtype)
    return Tensor.record("maxPool2d", inputs: [x], output: out) { g in
        var dx = [Double](repeating: 0, count: x.count)
        for (k, gv) in g.doubles.enumerated() { dx[argmax[k]] += gv }
        return [Tensor(dx, shape: x.shape, dtype: x.dtype)]
    }
}

/// Average pooling (stride defaults to the kernel size): the mean of each window; the gradient spreads
/// each output gradient equally, g / k², over its window.
public func avgPool2d(_ x: Tensor, kernel: Int, stride: Int? = nil) -> Tensor {
    let s = stride ?? kernel
    let p = PoolGeometry.output(x, "avgPool2d", kernel: kernel, stride: s)
    let values = x.doubles
    let scale = 1.0 / Double(kernel * kernel)
    var result = [Double](repeating: 0, count: p.n * p.c * p.oh * p.ow)
    var index = 0
    for plane in 0..<(p.n * p.c) {
        let base = plane * p.h * p.w
        for i in 0..<p.oh {
            for j in 0..<p.ow {
                var acc = 0.0
                for u in 0..<kernel { for v in 0..<kernel { acc += values[base + (i * s + u) * p.w + j * s + v] } }
                result[index] = acc * scale
                index += 1
            }
        }
    }
    let out = Tensor(result, shape: [p.n, p.c, p.oh, p.ow], dtype: x.dtype)
    return Tensor.record("avgPool2d", inputs: [x], output: out) { g in
        var dx = [Double](repeating: 0, count: x.count)
        let gv = g.doubles
        var k = 0
        for plane in 0..<(p.n * p.c) {
            let base = plane * p.h * p.w
            for i in 0..<p.oh {
                for j in 0..<p.ow {
                    for u in 0..<kernel { for v in 0..<kernel { dx[base + (i * s + u) * p.w + j * s + v] += gv[k] * scale } }
                    k += 1
                }
            }
        }
        return [Tensor(dx, shape: x.shape, dtype: x.dtype)]
    }
}

/// Global average pooling `[N, C, H, W] -> [N, C]`: the mean over each feature map (Lin et al. 2014,
/// "Network in Network").
public func globalAvgPool2d(_ x: Tensor) -> Tensor {
    if x.rank != 4 { fatalError("globalAvgPool2d: expected [N, C, H, W], got \(ShapeError.describe(x.shape))") }
    return x.mean(axes: [2, 3])
}
