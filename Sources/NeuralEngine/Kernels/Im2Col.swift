/// Unfolds image patches into matrix columns so that a convolution becomes one GEMM
/// (Chellapilla, Puri & Simard 2006, "High Performance Convolutional Neural Networks for Document
/// Processing"; the layout Caffe popularised).
///
/// An image `[C, H, W]` (row-major) with a `kh×kw` kernel, `stride` and zero `padding` becomes the
/// matrix `columns[C·kh·kw, outH·outW]`:
///
///     columns[(c·kh + i)·kw + j, oy·outW + ox] = image[c, oy·stride − padding + i, ox·stride − padding + j]
///
/// (zero where the index falls in the padding). Then `conv2d = W[O, C·kh·kw] · columns`.
/// `col2im` is the adjoint (transpose) of `im2col`: it adds every column entry back to the pixel it
/// came from, which is what the backward pass of a convolution needs for the input gradient.
///
/// `ldColumns` is the distance between two rows of `columns` (default `outH·outW`). A larger value
/// lets a caller lay the images of a batch side by side, `columns[C·kh·kw, N·outH·outW]`, writing image
/// `n` at `columns + n·outH·outW`, so one GEMM computes the whole batch.
public enum Im2Col {
    /// Shape of one convolution's input, kernel and output.
    public struct Geometry: Equatable, Sendable {
        public let channels: Int, height: Int, width: Int
        public let kernelHeight: Int, kernelWidth: Int
        public let stride: Int, padding: Int
        /// `(H + 2·padding − kh) / stride + 1` (floor division, as PyTorch).
        public let outputHeight: Int, outputWidth: Int

        public init(channels: Int, height: Int, width: Int, kernelHeight: Int, kernelWidth: Int,
                    stride: Int = 1, padding: Int = 0) {
            if channels < 1 || height < 1 || width < 1 || kernelHeight < 1 || kernelWidth < 1 || stride < 1 || padding < 0 {
                fatalError("Im2Col.Geometry: invalid channels \(channels), image \(height)x\(width), kernel \(kernelHeight)x\(kernelWidth), stride \(stride), padding \(padding)")
            }
            let outH = (height + 2 * padding - kernelHeight) / stride + 1
            let outW = (width + 2 * padding - kernelWidth) / stride + 1
            if height + 2 * padding < kernelHeight || width + 2 * padding < kernelWidth {
                fatalError("Im2Col.Geometry: kernel \(kernelHeight)x\(kernelWidth) larger than padded image \(height + 2 * padding)x\(width + 2 * padding)")
            }
            self.channels = channels; self.height = height; self.width = width
            self.kernelHeight = kernelHeight; self.kernelWidth = kernelWidth
            self.stride = stride; self.padding = padding
            self.outputHeight = outH; self.outputWidth = outW
        }

        /// Rows of the column matrix: `C·kh·kw`.
        public var columnRows: Int { channels * kernelHeight * kernelWidth }
        /// Columns contributed by one image: `outH·outW`.
        public var columnCount: Int { outputHeight * outputWidth }
        /// Elements of one image: `C·H·W`.
        public var imageCount: Int { channels * height * width }

        /// The output columns `ox` whose input column `ox·stride − padding + j` lies inside `0..<W`.
        @inline(__always)
        func validOutputRange(kernelOffset j: Int, inputSize: Int, outputSize: Int) -> Range<Int> {
            // ox·stride ≥ padding − j  and  ox·stride < inputSize + padding − j (ceil divisions, skipped
            // for stride 1: an integer division costs more than the copy of a small row).
            let low = Swift.max(0, stride == 1 ? padding - j : ceilDiv(padding - j, stride))
            let high = Swift.min(outputSize, stride == 1 ? inputSize + padding - j : ceilDiv(inputSize + padding - j, stride))
            return low < high ? low..<high : low..<low
        }
    }

    /// `columns = im2col(image)` for one Float image `[C, H, W]`; overwrites `C·kh·kw` rows of `outH·outW` values.
    public static func im2col(_ image: UnsafePointer<Float>, _ g: Geometry,
                              into columns: UnsafeMutablePointer<Float>, ldColumns: Int? = nil) {
        unfold(image, g, columns, ldColumns ?? g.columnCount)
    }

    /// `columns = im2col(image)` for one Double image `[C, H, W]`.
    public static func im2col(_ image: UnsafePointer<Double>, _ g: Geometry,
                              into columns: UnsafeMutablePointer<Double>, ldColumns: Int? = nil) {
        unfold(image, g, columns, ldColumns ?? g.columnCount)
    }

    /// `image += col2im(columns)` for Float: every column entry is added to the pixel it was copied from
    /// (padding entries are dropped). Zero `image` first to get the plain adjoint.
    public static func col2im(_ columns: UnsafePointer<Float>, _ g: Geometry, ldColumns: Int? = nil,
                              addingInto image: UnsafeMutablePointer<Float>) {
        fold(columns, g, ldColumns ?? g.columnCount, image)
    }

    /// `image += col2im(columns)` for Double.
    public static func col2im(_ columns: UnsafePointer<Double>, _ g: Geometry, ldColumns: Int? = nil,
                              addingInto image: UnsafeMutablePointer<Double>) {
        fold(columns, g, ldColumns ?? g.columnCount, image)
    }

    @inline(__always)
    static func unfold<T: BinaryFloatingPoint>(_ image: UnsafePointer<T>, _ g: Geometry,
                                               _ columns: UnsafeMutablePointer<T>, _ ld: Int) {
        checkLeadingDimension(ld, g, "im2col")
        if T.self == Float.self && Im2ColShift.applies(g) {
            Im2ColShift.im2col(UnsafeRawPointer(image).assumingMemoryBound(to: Float.self), g,
                               UnsafeMutableRawPointer(columns).assumingMemoryBound(to: Float.self), ld)
            return
        }
        let outH = g.outputHeight, outW = g.outputWidth, s = g.stride
        // "Same" convolutions (stride 1, output as wide as the input): the rows of one column-matrix row
        // are the image plane shifted by a constant offset, so the valid part is one contiguous copy
        // followed by zeroing the few entries that wrapped around a row end.
        let shiftCopy = s == 1 && outW == g.width
        for c in 0..<g.channels {
            let plane = image + c * g.height * g.width
            for i in 0..<g.kernelHeight {
                let rows = g.validOutputRange(kernelOffset: i, inputSize: g.height, outputSize: outH)
                for j in 0..<g.kernelWidth {
                    let out = columns + ((c * g.kernelHeight + i) * g.kernelWidth + j) * ld
                    let cols = g.validOutputRange(kernelOffset: j, inputSize: g.width, outputSize: outW)
                    if rows.isEmpty || cols.isEmpty {
                        out.update(repeating: 0, count: outH * outW)
                        continue
                    }
                    zeroSmall(out, rows.lowerBound * outW)
                    zeroSmall(out + rows.upperBound * outW, (outH - rows.upperBound) * outW)
                    // Input pixel feeding output (oy, ox): source[oy·stride·W + ox·stride].
                    let source = plane + (i - g.padding) * g.width + (j - g.padding)
                    if shiftCopy {
                        let first = rows.lowerBound * outW + cols.lowerBound
                        let last = (rows.upperBound - 1) * outW + cols.upperBound
                        (out + first).update(from: source + first, count: last - first)
                        for oy in rows {
                            zeroSmall(out + oy * outW, cols.lowerBound)
                            zeroSmall(out + oy * outW + cols.upperBound, outW - cols.upperBound)
                        }
                        continue
                    }
                    for oy in rows {
                        let target = out + oy * outW
                        let input = source + oy * s * g.width
                        zeroSmall(target, cols.lowerBound)
                        if s == 1 {
                            for ox in cols { target[ox] = input[ox] }
                        } else {
                            for ox in cols { target[ox] = input[ox * s] }
                        }
                        zeroSmall(target + cols.upperBound, outW - cols.upperBound)
                    }
                }
            }
        }
    }

    /// Zeroes `count` values; padding borders are usually 1–2 wide, where a `memset` call would cost
    /// more than the stores.
    @inline(__always)
    static func zeroSmall<T: BinaryFloatingPoint>(_ pointer: UnsafeMutablePointer<T>, _ count: Int) {
        switch count {
        case 0: return
        case 1: pointer[0] = 0
        case 2: pointer[0] = 0; pointer[1] = 0
        default: pointer.update(repeating: 0, count: count)
        }
    }

    @inline(__always)
    static func fold<T: BinaryFloatingPoint>(_ columns: UnsafePointer<T>, _ g: Geometry, _ ld: Int,
                                             _ image: UnsafeMutablePointer<T>) {
        checkLeadingDimension(ld, g, "col2im")
        let outH = g.outputHeight, outW = g.outputWidth, s = g.stride
        if T.self == Float.self && Im2ColShift.applies(g) {
            Im2ColShift.col2im(UnsafeRawPointer(columns).assumingMemoryBound(to: Float.self), g, ld,
                               UnsafeMutableRawPointer(image).assumingMemoryBound(to: Float.self))
            return
        }
        if s == 1 {
            foldStrideOne(columns, g, ld, image)
            return
        }
        // Rows are visited in the same fixed order every time, so the sums are deterministic.
        for c in 0..<g.channels {
            let plane = image + c * g.height * g.width
            for i in 0..<g.kernelHeight {
                let rows = g.validOutputRange(kernelOffset: i, inputSize: g.height, outputSize: outH)
                for j in 0..<g.kernelWidth {
                    let input = columns + ((c * g.kernelHeight + i) * g.kernelWidth + j) * ld
                    let cols = g.validOutputRange(kernelOffset: j, inputSize: g.width, outputSize: outW)
                    let target = plane + (i - g.padding) * g.width + (j - g.padding)
                    for oy in rows {
                        let from = input + oy * outW
                        let to = target + oy * s * g.width
                        if s == 1 {
                            for ox in cols { to[ox] += from[ox] }
                        } else {
                            for ox in cols { to[ox * s] += from[ox] }
                        }
                    }
                }
            }
        }
    }

    /// col2im for stride 1, without a bounds test per element. For kernel row `i` and output row `oy`,
    /// column-matrix rows (c, i, j) hold the same output row shifted by `j`: input column
    /// `ox + j − padding`. They are summed into a line buffer indexed by `t = ox + j` (every index in
    /// range), then the line's valid part, `padding ≤ t < W + padding`, is added to input row
    /// `oy + i − padding`. Fixed loop order, so the sums are deterministic.
    @inline(__always)
    static func foldStrideOne<T: BinaryFloatingPoint>(_ columns: UnsafePointer<T>, _ g: Geometry, _ ld: Int,
                                                      _ image: UnsafeMutablePointer<T>) {
        let outH = g.outputHeight, outW = g.outputWidth, kw = g.kernelWidth, pad = g.padding
        // With stride 1, outW = W + 2·pad − kw + 1, so the line holds W + 2·pad values and its valid
        // part ends at W + pad.
        let lineWidth = outW + kw - 1
        let validEnd = g.width + pad
        withUnsafeTemporaryAllocation(of: T.self, capacity: lineWidth) { buffer in
            let line = buffer.baseAddress!
            for c in 0..<g.channels {
                let plane = image + c * g.height * g.width
                for i in 0..<g.kernelHeight {
                    let rows = g.validOutputRange(kernelOffset: i, inputSize: g.height, outputSize: outH)
                    let rowBase = columns + (c * g.kernelHeight + i) * kw * ld
                    for oy in rows {
                        line.update(repeating: 0, count: lineWidth)
                        for j in 0..<kw { addRow(line + j, rowBase + j * ld + oy * outW, outW) }
                        addRow(plane + (oy + i - pad) * g.width, line + pad, validEnd - pad)
                    }
                }
            }
        }
    }

    /// `target[0..<n] += source[0..<n]`, eight lanes at a time.
    @inline(__always)
    static func addRow<T: BinaryFloatingPoint>(_ target: UnsafeMutablePointer<T>, _ source: UnsafePointer<T>, _ n: Int) {
        var j = 0
        if T.self == Float.self {
            let t = UnsafeMutableRawPointer(target), s = UnsafeRawPointer(source)
            while j + 8 <= n {
                let offset = j * 4
                let sum = t.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                    + s.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                t.storeBytes(of: sum, toByteOffset: offset, as: SIMD8<Float>.self)
                j += 8
            }
        }
        while j < n { target[j] += source[j]; j += 1 }
    }

    static func checkLeadingDimension(_ ld: Int, _ g: Geometry, _ op: String) {
        if ld < g.columnCount {
            fatalError("Im2Col.\(op): ldColumns \(ld) is smaller than outH·outW = \(g.columnCount)")
        }
    }
}

/// ⌈a / b⌉ for b > 0 and any sign of a.
@inline(__always)
func ceilDiv(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? (a + b - 1) / b : -((-a) / b)
}
