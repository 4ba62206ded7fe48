/// Vectorised im2col / col2im for the common "same" case: stride 1, output as wide as the input
/// (`outW == W`), rows of at least 8 Float values.
///
/// Then row (c, i, j) of the column matrix is the image plane shifted by the constant offset
/// `off = (i − pad)·W + (j − pad)`: `columns[p] = plane[p + off]` for the flattened output position
/// `p = oy·W + ox`, except where `ox + j − pad` falls outside the row (the "wrapped" entries, which are
/// padding and therefore zero). Over the range `first ..< last` of valid rows every index `p + off`
/// lies inside the plane, so whole 8-lane vectors can be loaded and stored, with a lane mask on the
/// output column `ox` (tracked incrementally, no division) zeroing the wrapped lanes.
enum Im2ColShift {
    typealias Lanes = SIMD8<Float>

    /// Stride 1 and `outW == W` make the shift constant; `W ≥ 8` means an 8-lane vector crosses at
    /// most one row end, which the mask tables below rely on.
    static func applies(_ g: Im2Col.Geometry) -> Bool {
        g.stride == 1 && g.outputWidth == g.width && g.width >= 8
    }

    /// For each kernel offset (c, i, j) with a non-empty valid region: the column-matrix row, the plane
    /// offset, the flattened range `first ..< last` and the valid output columns.
    @inline(__always)
    static func forEachShift(_ g: Im2Col.Geometry,
                             _ body: (_ row: Int, _ plane: Int, _ offset: Int, _ first: Int, _ last: Int, _ cols: Range<Int>) -> Void,
                             empty: (_ row: Int) -> Void) {
        let W = g.width, pad = g.padding
        for c in 0..<g.channels {
            for i in 0..<g.kernelHeight {
                let rows = g.validOutputRange(kernelOffset: i, inputSize: g.height, outputSize: g.outputHeight)
                for j in 0..<g.kernelWidth {
                    let row = (c * g.kernelHeight + i) * g.kernelWidth + j
                    let cols = g.validOutputRange(kernelOffset: j, inputSize: W, outputSize: W)
                    if rows.isEmpty || cols.isEmpty { empty(row); continue }
                    body(row, c * g.height * W, (i - pad) * W + (j - pad),
                         rows.lowerBound * W + cols.lowerBound, (rows.upperBound - 1) * W + cols.upperBound, cols)
                }
            }
        }
    }

    /// Bit masks by output column, one table of `W + 8` entries per kernel column j: all ones where
    /// the column is valid for that j, zero where it wraps. Entries `W ..< W + 8` repeat the start, so
    /// the 8 entries from any column `c0 < W` give the lanes of a vector that crosses into the next row.
    /// (Bitwise masks rather than `SIMDMask`/`replacing(with:where:)`, which compile to per-lane code.)
    @inline(__always)
    static func withMaskTables<R>(_ g: Im2Col.Geometry, _ body: (UnsafePointer<UInt32>) -> R) -> R {
        let W = g.width, stride = W + 8
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: g.kernelWidth * stride) { buffer in
            let table = buffer.baseAddress!
            for j in 0..<g.kernelWidth {
                let cols = g.validOutputRange(kernelOffset: j, inputSize: W, outputSize: W)
                for e in 0..<stride { table[j * stride + e] = cols.contains(e < W ? e : e - W) ? ~0 : 0 }
            }
            return body(table)
        }
    }

    @inline(__always)
    static func masked(_ values: Lanes, _ mask: UnsafePointer<UInt32>) -> Lanes {
        let bits = unsafeBitCast(values, to: SIMD8<UInt32>.self) & UnsafeRawPointer(mask).loadUnaligned(as: SIMD8<UInt32>.self)
        return unsafeBitCast(bits, to: Lanes.self)
    }

    static func im2col(_ image: UnsafePointer<Float>, _ g: Im2Col.Geometry, _ columns: UnsafeMutablePointer<Float>, _ ld: Int) {
        let L = g.columnCount, W = g.width
        withMaskTables(g) { tables in
            forEachShift(g, { row, plane, offset, first, last, cols in
                let out = columns + row * ld
                let source = image + plane + offset
                let mask = tables + (row % g.kernelWidth) * (W + 8)
                Im2Col.zeroSmall(out, first)
                var p = first, column = cols.lowerBound    // = first % W
                while p + 8 <= last {
                    let values = UnsafeRawPointer(source + p).loadUnaligned(as: Lanes.self)
                    UnsafeMutableRawPointer(out + p).storeBytes(of: masked(values, mask + column), as: Lanes.self)
                    column += 8
                    if column >= W { column -= W }
                    p += 8
                }
                while p < last {
                    out[p] = mask[column] != 0 ? source[p] : 0
                    column = column + 1 == W ? 0 : column + 1
                    p += 1
                }
                Im2Col.zeroSmall(out + last, L - last)
            }, empty: { row in (columns + row * ld).update(repeating: 0, count: L) })
        }
    }

    static func col2im(_ columns: UnsafePointer<Float>, _ g: Im2Col.Geometry, _ ld: Int, _ image: UnsafeMutablePointer<Float>) {
        let W = g.width
        withMaskTables(g) { tables in
            forEachShift(g, { row, plane, offset, first, last, cols in
                let input = columns + row * ld
                let target = image + plane + offset
                let mask = tables + (row % g.kernelWidth) * (W + 8)
                var p = first, column = cols.lowerBound    // = first % W
                while p + 8 <= last {
                    let values = UnsafeRawPointer(input + p).loadUnaligned(as: Lanes.self)
                    let old = UnsafeRawPointer(target + p).loadUnaligned(as: Lanes.self)
                    // Wrapped lanes add +0 (the pixel they overlap belongs to this same plane).
                    UnsafeMutableRawPointer(target + p).storeBytes(of: old + masked(values, mask + column), as: Lanes.self)
                    column += 8
                    if column >= W { column -= W }
                    p += 8
                }
                while p < last {
                    if mask[column] != 0 { target[p] += input[p] }
                    column = column + 1 == W ? 0 : column + 1
                    p += 1
                }
            }, empty: { _ in })
        }
    }
}
