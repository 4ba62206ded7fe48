/// The forward product of a convolution whose column matrix has few rows (K = C·kh·kw ≤ `maxDepth`,
/// e.g. a first layer on grey images: K = 1·3·3 = 9), written straight into the output with its bias:
///
///     out[o, l] = bias[o] + Σ_{p < K} w[o, p] · cols[p, l]      (one pass over out)
///
/// Why: for such a product GEMM's work per output element is tiny (9 multiply-adds), so its fixed
/// costs dominate: the bias is first stored into every output element, then read back and stored
/// again by the micro-kernel, and 32 rows of O split into 6-row tiles leave an edge tile that merges
/// its results element by element. Here each output element is stored once, from a register.
///
/// Bit-identical to `GEMM` + bias: for k ≤ kc (512) every GEMM path computes each C element as one
/// fused multiply-add chain `acc = fma(a[p], b[p], acc)` over p = 0, 1, … from acc = +0, then merges
/// `old + acc · alpha` (alpha = 1, beta = 1 with the bias stored in C; `acc · alpha` with beta = 0).
/// The loops below perform exactly those operations per element; only the grouping of elements
/// into registers differs, and lanes never interact.
enum ConvNarrowDepth {
    /// Deepest column matrix this path takes (a 3×3 kernel on up to 3 channels is 27); deeper
    /// products reuse their packed panels often enough for GEMM to win.
    static let maxDepth = 32

    typealias Vector = SIMD8<Float>

    /// `out[o·L + l] = bias[o] + Σ_p w[o·K + p] · cols[p·ld + l]` (no bias: the sum alone) for o < O, l < L,
    /// with `ld = columnStride` (default L).
    static func forward(weight w: UnsafePointer<Float>, columns cols: UnsafePointer<Float>, columnStride: Int? = nil,
                        bias: UnsafePointer<Float>?, outChannels O: Int, depth K: Int, count L: Int,
                        into out: UnsafeMutablePointer<Float>) {
        let ld = columnStride ?? L
        let width = Vector.scalarCount
        var j = 0
        // 16 columns at a time: the column block (K·64 B) stays in L1 while every output row reads it.
        while j + 2 * width <= L {
            var o = 0
            while o + 4 <= O { rows4x16(w + o * K, cols + j, ld, L, K, bias.map { $0 + o }, out + o * L + j); o += 4 }
            while o < O { row1x16(w + o * K, cols + j, ld, L, K, bias?[o], out + o * L + j); o += 1 }
            j += 2 * width
        }
        // The last L mod 16 columns, one at a time with scalar fused multiply-adds (the same per-lane operation).
        for l in j..<L {
            for o in 0..<O {
                var acc: Float = 0
                for p in 0..<K { acc = acc.addingProduct(w[o * K + p], cols[p * ld + l]) }
                out[o * L + l] = bias.map { $0[o] + acc } ?? acc
            }
        }
    }

    /// Four output rows × 16 columns: 8 accumulators, 2 column vectors and a broadcast weight per step.
    @inline(__always)
    static func rows4x16(_ w: UnsafePointer<Float>, _ cols: UnsafePointer<Float>, _ ld: Int, _ L: Int, _ K: Int,
                         _ bias: UnsafePointer<Float>?, _ out: UnsafeMutablePointer<Float>) {
        var a00 = Vector(), a01 = Vector(), a10 = Vector(), a11 = Vector()
        var a20 = Vector(), a21 = Vector(), a30 = Vector(), a31 = Vector()
        for p in 0..<K {
            let (b0, b1) = load2(cols + p * ld)
            var wv = Vector(repeating: w[p])
            a00 = a00.addingProduct(wv, b0); a01 = a01.addingProduct(wv, b1)
            wv = Vector(repeating: w[K + p])
            a10 = a10.addingProduct(wv, b0); a11 = a11.addingProduct(wv, b1)
            wv = Vector(repeating: w[2 * K + p])
            a20 = a20.addingProduct(wv, b0); a21 = a21.addingProduct(wv, b1)
            wv = Vector(repeating: w[3 * K + p])
            a30 = a30.addingProduct(wv, b0); a31 = a31.addingProduct(wv, b1)
        }
        store2(out, a00, a01, bias?[0])
        store2(out + L, a10, a11, bias?[1])
        store2(out + 2 * L, a20, a21, bias?[2])
        store2(out + 3 * L, a30, a31, bias?[3])
    }

    /// One output row × 16 columns (the rows left when O is not a multiple of 4).
    @inline(__always)
    static func row1x16(_ w: UnsafePointer<Float>, _ cols: UnsafePointer<Float>, _ ld: Int, _ L: Int, _ K: Int,
                        _ bias: Float?, _ out: UnsafeMutablePointer<Float>) {
        var a0 = Vector(), a1 = Vector()
        for p in 0..<K {
            let (b0, b1) = load2(cols + p * ld)
            let wv = Vector(repeating: w[p])
            a0 = a0.addingProduct(wv, b0); a1 = a1.addingProduct(wv, b1)
        }
        store2(out, a0, a1, bias)
    }

    @inline(__always)
    static func load2(_ source: UnsafePointer<Float>) -> (Vector, Vector) {
        let raw = UnsafeRawPointer(source)
        return (raw.loadUnaligned(as: Vector.self), raw.loadUnaligned(fromByteOffset: MemoryLayout<Vector>.stride, as: Vector.self))
    }

    /// Stores `bias + acc` (GEMM's `old + acc · 1` with the bias as old), or `acc` without a bias.
    @inline(__always)
    static func store2(_ target: UnsafeMutablePointer<Float>, _ x0: Vector, _ x1: Vector, _ bias: Float?) {
        let raw = UnsafeMutableRawPointer(target)
        let half = MemoryLayout<Vector>.stride
        if let bias {
            let b = Vector(repeating: bias)
            raw.storeBytes(of: b + x0, as: Vector.self)
            raw.storeBytes(of: b + x1, toByteOffset: half, as: Vector.self)
        } else {
            raw.storeBytes(of: x0, as: Vector.self)
            raw.storeBytes(of: x1, toByteOffset: half, as: Vector.self)
        }
    }
}
