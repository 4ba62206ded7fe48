/// The windows of a k×k pooling over `[N, C, H, W]` values, as PyTorch's `MaxPool2d` / `AvgPool2d`:
/// output size ⌊(H + 2·padding − k) / s⌋ + 1, padding at most k/2. Max pooling treats padding as −∞
/// (it never wins); average pooling counts it as zeros and divides by k² (`count_include_pad=True`).
struct PoolGeometry {
    let planes: Int, h: Int, w: Int, oh: Int, ow: Int, kernel: Int, stride: Int, padding: Int
    /// `[N, C, oh, ow]`.
    let outputShape: [Int]

    /// Traps (naming `op` and the shape) unless `shape` is `[N, C, H, W]` and the window fits.
    init(_ shape: [Int], _ op: String, kernel: Int, stride: Int, padding: Int) {
        if shape.count != 4 { fatalError("\(op): expected [N, C, H, W], got \(ShapeError.describe(shape))") }
        if kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel
            || kernel > shape[2] + 2 * padding || kernel > shape[3] + 2 * padding {
            fatalError("\(op): kernel \(kernel) / stride \(stride) / padding \(padding) invalid for input \(ShapeError.describe(shape)) (padding must be at most kernel / 2)")
        }
        planes = shape[0] * shape[1]; h = shape[2]; w = shape[3]
        oh = (h + 2 * padding - kernel) / stride + 1; ow = (w + 2 * padding - kernel) / stride + 1
        self.kernel = kernel; self.stride = stride; self.padding = padding
        outputShape = [shape[0], shape[1], oh, ow]
    }

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

/// The pooling loops over raw row-major planes, forward and adjoint.
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

    /// The mean of each of `maps` contiguous maps of `size` values (global average pooling), each sum
    /// taken by `RowKernels.sum`.
    static func globalAverage<T: TensorScalar>(_ values: [T], maps: Int, size: Int) -> [T] {
        makeArray(maps) { out in
            values.withUnsafeBufferPointer { v in
                for map in 0..<maps { out[map] = T(RowKernels.sum(v.baseAddress! + map * size, size) / Double(size)) }
            }
        }
    }

    /// Adjoint of `globalAverage`: every value of map m receives grad[m] / size.
    static func globalAverageBackward<T: TensorScalar>(_ grad: [T], maps: Int, size: Int) -> [T] {
        makeArray(maps * size) { out in
            for map in 0..<maps { (out + map * size).initialize(repeating: grad[map] / T(size), count: size) }
        }
    }
}
