/// SIMD transposing copy for the Float packing routines: 8 source lines × 8 depth steps at a time,
/// transposed in registers by three rounds of even/odd de-interleaving (after k rounds of
/// `out[i] = (in[2i].even, in[2i+1].even)`, `out[4+i] = (in[2i].odd, in[2i+1].odd)` an 8×8 block
/// is transposed, 2³ = 8). Replaces ~64 scalar load/store pairs by 8 loads, 24 shuffles and 8 stores.
extension SGEMMKernel {
    typealias V = SIMD8<Float>

    static func interleave(_ source: UnsafePointer<Float>, sourceStride: Int, lines: Int, depth: Int,
                           into dest: UnsafeMutablePointer<Float>, destStride: Int) {
        let blocks = depth / 8
        var lineStart = 0
        while lineStart < lines {
            let count = Swift.min(8, lines - lineStart)
            let base = source + lineStart * sourceStride
            let out = dest + lineStart
            for block in 0..<blocks {
                let p = block * 8
                @inline(__always) func line(_ l: Int) -> V {
                    l < count ? UnsafeRawPointer(base + l * sourceStride + p).loadUnaligned(as: V.self) : V()
                }
                var x = (line(0), line(1), line(2), line(3), line(4), line(5), line(6), line(7))
                for _ in 0..<3 {
                    x = (V(lowHalf: x.0.evenHalf, highHalf: x.1.evenHalf), V(lowHalf: x.2.evenHalf, highHalf: x.3.evenHalf),
                         V(lowHalf: x.4.evenHalf, highHalf: x.5.evenHalf), V(lowHalf: x.6.evenHalf, highHalf: x.7.evenHalf),
                         V(lowHalf: x.0.oddHalf, highHalf: x.1.oddHalf), V(lowHalf: x.2.oddHalf, highHalf: x.3.oddHalf),
                         V(lowHalf: x.4.oddHalf, highHalf: x.5.oddHalf), V(lowHalf: x.6.oddHalf, highHalf: x.7.oddHalf))
                }
                store(x.0, out + p * destStride, count)
                store(x.1, out + (p + 1) * destStride, count)
                store(x.2, out + (p + 2) * destStride, count)
                store(x.3, out + (p + 3) * destStride, count)
                store(x.4, out + (p + 4) * destStride, count)
                store(x.5, out + (p + 5) * destStride, count)
                store(x.6, out + (p + 6) * destStride, count)
                store(x.7, out + (p + 7) * destStride, count)
            }
            for p in (blocks * 8)..<depth {
                for l in 0..<count { out[p * destStride + l] = base[l * sourceStride + p] }
            }
            lineStart += 8
        }
    }

    /// Writes the first `count` lanes of `x` (8 for B panels, 6 for A panels).
    @inline(__always)
    static func store(_ x: V, _ target: UnsafeMutablePointer<Float>, _ count: Int) {
        let raw = UnsafeMutableRawPointer(target)
        switch count {
        case 8: raw.storeBytes(of: x, as: V.self)
        case 6:
            raw.storeBytes(of: x.lowHalf, as: SIMD4<Float>.self)
            raw.storeBytes(of: x.highHalf.lowHalf, toByteOffset: 16, as: SIMD2<Float>.self)
        default: for l in 0..<count { target[l] = x[l] }
        }
    }
}
