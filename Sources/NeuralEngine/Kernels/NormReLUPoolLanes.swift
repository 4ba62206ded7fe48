/// The 2×2 pooling steps of `NormReLUPoolKernel` for Float, eight windows at a time: each row pair is
/// loaded sixteen values at a time and split into even and odd columns (`evenHalf`/`oddHalf`), so the
/// four positions of eight windows sit in four AVX2 registers, and the winner selection is bit
/// operations on whole vectors. Scalar code did about twenty instructions per window, which made the
/// pooling, not memory, the cost of the fused BatchNorm → ReLU → MaxPool passes (`bench --phases`).
///
/// Same bits as the scalar loops: relu(x) is x where x > 0 and +0 elsewhere (NaN included); a later
/// window position wins only when strictly greater (the first maximum wins); gradients go to the
/// winner as 0 + g (so −0 becomes +0) where the pooled output is > 0, and +0 everywhere else.
extension NormReLUPoolKernel {
    typealias Lanes = SIMD8<Float>
    typealias Bits = SIMD8<Int32>

    /// Extra elements after a row buffer's plane: the last group of windows loads up to 14 values past
    /// the end of its rows. The lanes made from them are dropped, or stored where later stores
    /// overwrite them; the padding is zeroed so that no lane ever holds uninitialised memory.
    static var rowPadding: Int { 16 }

    /// A comparison's lanes as all-ones / zero bit masks. (Compare vectors with vectors: a comparison
    /// with a scalar operand, `w .== 0`, compiles to a per-lane loop.)
    @inline(__always)
    static func bits(_ mask: SIMDMask<SIMD8<Int32>>) -> Bits { unsafeBitCast(mask, to: Bits.self) }

    /// relu(x) as bit patterns, as `rectified` computes it.
    @inline(__always)
    static func rectifiedBits(_ x: Lanes) -> Bits { unsafeBitCast(x, to: Bits.self) & bits(x .> Lanes()) }

    @inline(__always)
    static func load16(_ p: UnsafePointer<Float>) -> SIMD16<Float> { UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self) }

    /// Windows whose rectified value beats the best so far take it and their position. Rectified
    /// values are ≥ +0 and never NaN, so their bit patterns, as signed integers, order like the
    /// values: `best − candidate` is negative exactly where the candidate wins (no overflow below 2³¹),
    /// and its sign, spread over the lane, selects. (Selecting with a comparison's mask instead, LLVM
    /// lowers the select lane by lane.)
    @inline(__always)
    static func challenge(_ candidate: Bits, _ position: Int32, best: inout Bits, index: inout Bits) {
        let wins = (best &- candidate) &>> Bits(repeating: 31)
        best ^= (best ^ candidate) & wins
        index ^= (index ^ Bits(repeating: position)) & wins
    }

    /// `maxPoolRectified` for Float. `z` must be readable `rowPadding` elements past its plane.
    static func maxPoolRectifiedFloat(_ z: UnsafePointer<Float>, _ l: Layout, into out: UnsafeMutablePointer<Float>,
                                      winners: UnsafeMutablePointer<UInt8>) {
        for oy in 0..<l.outH {
            let top = z + 2 * oy * l.w, bottom = top + l.w
            let target = out + oy * l.outW, winner = winners + oy * l.outW
            var ox = 0
            while ox < l.outW {
                let upper = load16(top + 2 * ox), lower = load16(bottom + 2 * ox)
                var best = rectifiedBits(upper.evenHalf), index = Bits()
                challenge(rectifiedBits(upper.oddHalf), 1, best: &best, index: &index)
                challenge(rectifiedBits(lower.evenHalf), 2, best: &best, index: &index)
                challenge(rectifiedBits(lower.oddHalf), 3, best: &best, index: &index)
                // A short group stores all eight lanes too, except in the last output row: the extra
                // lanes (at most outW of them when outW ≥ 4) land on the next row's first windows,
                // which are stored after them.
                let count = Swift.min(8, l.outW - ox)
                if count == 8 || (oy + 1 < l.outH && l.outW >= 4) {
                    UnsafeMutableRawPointer(target + ox).storeBytes(of: unsafeBitCast(best, to: Lanes.self), as: Lanes.self)
                    UnsafeMutableRawPointer(winner + ox).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: index), as: SIMD8<UInt8>.self)
                } else {
                    for k in 0..<count {
                        target[ox + k] = Float(bitPattern: UInt32(bitPattern: best[k]))
                        winner[ox + k] = UInt8(truncatingIfNeeded: index[k])
                    }
                }
                ox += 8
            }
        }
    }

    /// `gradientAtNormalizedOutput` with pooling, for Float: every element of the row `dz` is written.
    static func scatterToWinnersFloat(_ g: UnsafePointer<Float>, _ output: UnsafePointer<Float>,
                                      _ winners: UnsafePointer<UInt8>, _ l: Layout, into dz: UnsafeMutablePointer<Float>) {
        // With an odd height or width the last row or column is in no window: its gradient is 0.
        if l.h % 2 != 0 || l.w % 2 != 0 { dz.update(repeating: 0, count: l.plane) }
        for oy in 0..<l.outH {
            let top = dz + 2 * oy * l.w, bottom = top + l.w
            let gradient = g + oy * l.outW, pooled = output + oy * l.outW, winner = winners + oy * l.outW
            // Eight windows at a time. When a row holds one short group (even w from 8 to 14), that
            // group too, except in the last output row: its loads stay inside the plane, and the 16 − w
            // values each store writes past its row fall on the next row, which is stored after it.
            let spills = oy + 1 < l.outH && l.w % 2 == 0 && l.w >= 8 && l.w < 16
            let vectorEnd = spills ? l.outW : l.outW - l.outW % 8
            var ox = 0
            while ox < vectorEnd {
                let g8 = UnsafeRawPointer(gradient + ox).loadUnaligned(as: Lanes.self)
                let o8 = UnsafeRawPointer(pooled + ox).loadUnaligned(as: Lanes.self)
                let value = unsafeBitCast(Lanes() + g8, to: Bits.self) & bits(o8 .> Lanes())
                let w = Bits(truncatingIfNeeded: UnsafeRawPointer(winner + ox).loadUnaligned(as: SIMD8<UInt8>.self))
                var upper = SIMD16<Int32>(), lower = SIMD16<Int32>()
                upper.evenHalf = value & bits(w .== Bits(repeating: 0))
                upper.oddHalf = value & bits(w .== Bits(repeating: 1))
                lower.evenHalf = value & bits(w .== Bits(repeating: 2))
                lower.oddHalf = value & bits(w .== Bits(repeating: 3))
                UnsafeMutableRawPointer(top + 2 * ox).storeBytes(of: upper, as: SIMD16<Int32>.self)
                UnsafeMutableRawPointer(bottom + 2 * ox).storeBytes(of: lower, as: SIMD16<Int32>.self)
                ox += 8
            }
            while ox < l.outW {
                let value = (0 + gradient[ox]).bitPattern & mask(pooled[ox] > 0)
                let w = UInt32(winner[ox])
                top[2 * ox] = Float(bitPattern: value & mask(w == 0))
                top[2 * ox + 1] = Float(bitPattern: value & mask(w == 1))
                bottom[2 * ox] = Float(bitPattern: value & mask(w == 2))
                bottom[2 * ox + 1] = Float(bitPattern: value & mask(w == 3))
                ox += 1
            }
        }
    }
}
