/// A register-tile micro-kernel in the style of GotoBLAS / BLIS (Goto & van de Geijn 2008,
/// "Anatomy of High-Performance Matrix Multiplication"; Van Zee & van de Geijn 2015, BLIS).
///
/// One call computes a `6 × (2·Vector.scalarCount)` tile of `alpha · A·B` in 12 vector accumulators
/// (Float: 6×16 with SIMD8, one AVX2 register each; Double: 6×8 with SIMD4), then merges it into C.
/// Per step of `k` it loads two vectors of B, broadcasts six scalars of A and issues 12 fused
/// multiply-adds: 12 accumulators + 2 B vectors + 1 broadcast = 15 of the 16 AVX2 registers.
///
/// Operand access is by strides so the same code reads packed panels (A: row stride 1, k stride 6;
/// B: k stride NR) and, for small products, the caller's matrices directly.
protocol GEMMMicroKernel {
    associatedtype Scalar: BinaryFloatingPoint & SIMDScalar
    associatedtype Vector: SIMD where Vector.Scalar == Scalar
    /// Cache blocking: k-depth of a packed panel, rows of a packed A block, columns of a packed B block.
    static var kc: Int { get }
    static var mc: Int { get }
    static var nc: Int { get }

    // Requirements (implemented once, generically, below) so that the driver calls them through the
    // conformance: the bodies then get specialised in this file even without whole-module optimisation.
    static func tile(k: Int, a: UnsafePointer<Scalar>, aRowStride: Int, aKStride: Int,
                     b: UnsafePointer<Scalar>, bKStride: Int,
                     c: UnsafeMutablePointer<Scalar>, ldc: Int, rows: Int, cols: Int,
                     alpha: Scalar, beta: Scalar)
    static func packA(transposed: Bool, _ a: UnsafePointer<Scalar>, lda: Int,
                      rowStart: Int, rows: Int, depthStart: Int, depth: Int,
                      into dest: UnsafeMutablePointer<Scalar>)
    static func packB(transposed: Bool, _ b: UnsafePointer<Scalar>, ldb: Int,
                      depthStart: Int, depth: Int, columnStart: Int, columns: Int,
                      panels: Range<Int>, into dest: UnsafeMutablePointer<Scalar>)
    /// `dest[p·destStride + l] = source[l·sourceStride + p]` for `l < lines`, `p < depth`: the transposing
    /// copy behind packing A untransposed and B transposed (Float overrides it with SIMD transposes).
    static func interleave(_ source: UnsafePointer<Scalar>, sourceStride: Int, lines: Int, depth: Int,
                           into dest: UnsafeMutablePointer<Scalar>, destStride: Int)
}

extension GEMMMicroKernel {
    /// Rows of the register tile.
    @inline(__always) static var mr: Int { 6 }
    /// Columns of the register tile (two vectors).
    @inline(__always) static var nr: Int { 2 * Vector.scalarCount }

    /// `C[rows×cols] = alpha · Σ_p A[r, p]·B[p, j] + beta · C` for the tile at `c` (beta = 0 ignores C,
    /// so NaNs in uninitialised output cannot leak). `A[r, p] = a[r·aRowStride + p·aKStride]` for
    /// `r < rows` (rows ≥ 1); `B[p, j] = b[p·bKStride + j]` for all `j < nr`, readable even when `cols < nr`.
    /// The sum over `p` runs in increasing order in every call, whatever the tile's position.
    static func tile(k: Int, a: UnsafePointer<Scalar>, aRowStride: Int, aKStride: Int,
                     b: UnsafePointer<Scalar>, bKStride: Int,
                     c: UnsafeMutablePointer<Scalar>, ldc: Int, rows: Int, cols: Int,
                     alpha: Scalar, beta: Scalar) {
        if cols <= Vector.scalarCount {
            narrowTile(k: k, a: a, aRowStride: aRowStride, aKStride: aKStride, b: b, bKStride: bKStride,
                       c: c, ldc: ldc, rows: rows, cols: cols, alpha: alpha, beta: beta)
            return
        }
        let (o1, o2, o3, o4, o5) = rowOffsets(rows: rows, aRowStride: aRowStride)
        var c00 = Vector(), c01 = Vector(), c10 = Vector(), c11 = Vector()
        var c20 = Vector(), c21 = Vector(), c30 = Vector(), c31 = Vector()
        var c40 = Vector(), c41 = Vector(), c50 = Vector(), c51 = Vector()
        var pa = a
        var pb = UnsafeRawPointer(b)
        let bStep = bKStride * MemoryLayout<Scalar>.stride
        let half = MemoryLayout<Vector>.stride
        for _ in 0..<k {
            let b0 = pb.loadUnaligned(as: Vector.self)
            let b1 = pb.loadUnaligned(fromByteOffset: half, as: Vector.self)
            var av = Vector(repeating: pa[0])
            c00 = c00.addingProduct(av, b0); c01 = c01.addingProduct(av, b1)
            av = Vector(repeating: pa[o1])
            c10 = c10.addingProduct(av, b0); c11 = c11.addingProduct(av, b1)
            av = Vector(repeating: pa[o2])
            c20 = c20.addingProduct(av, b0); c21 = c21.addingProduct(av, b1)
            av = Vector(repeating: pa[o3])
            c30 = c30.addingProduct(av, b0); c31 = c31.addingProduct(av, b1)
            av = Vector(repeating: pa[o4])
            c40 = c40.addingProduct(av, b0); c41 = c41.addingProduct(av, b1)
            av = Vector(repeating: pa[o5])
            c50 = c50.addingProduct(av, b0); c51 = c51.addingProduct(av, b1)
            pa += aKStride
            pb += bStep
        }
        if rows == mr && cols == nr {
            storeRow(c, c00, c01, alpha, beta)
            storeRow(c + ldc, c10, c11, alpha, beta)
            storeRow(c + 2 * ldc, c20, c21, alpha, beta)
            storeRow(c + 3 * ldc, c30, c31, alpha, beta)
            storeRow(c + 4 * ldc, c40, c41, alpha, beta)
            storeRow(c + 5 * ldc, c50, c51, alpha, beta)
            return
        }
        // Edge tile: spill the accumulators, then merge only the valid part with the same formula.
        withUnsafeTemporaryAllocation(of: Vector.self, capacity: 12) { spill in
            spill[0] = c00; spill[1] = c01; spill[2] = c10; spill[3] = c11
            spill[4] = c20; spill[5] = c21; spill[6] = c30; spill[7] = c31
            spill[8] = c40; spill[9] = c41; spill[10] = c50; spill[11] = c51
            let width = Vector.scalarCount
            for r in 0..<rows {
                let row = c + r * ldc
                for j in 0..<cols {
                    let value = spill[2 * r + j / width][j % width]
                    row[j] = merge(value, row[j], alpha, beta)
                }
            }
        }
    }

    /// Offsets of A's rows 1 … 5 from row 0. Rows beyond `rows` re-read the last valid row: in bounds,
    /// and their results are dropped.
    @inline(__always)
    static func rowOffsets(rows: Int, aRowStride: Int) -> (Int, Int, Int, Int, Int) {
        let last = rows - 1
        return (Swift.min(1, last) * aRowStride, Swift.min(2, last) * aRowStride, Swift.min(3, last) * aRowStride,
                Swift.min(4, last) * aRowStride, Swift.min(5, last) * aRowStride)
    }

    /// `tile` for at most one vector of columns (the last panel of a C whose width is not a multiple
    /// of `nr`, such as a convolution's 196 = 12·16 + 4 output positions): six accumulators and one B
    /// vector per step, about half the time of a full tile that would drop most of its columns. Each
    /// element is the same fused multiply-add chain as in `tile`, so results are identical.
    static func narrowTile(k: Int, a: UnsafePointer<Scalar>, aRowStride: Int, aKStride: Int,
                           b: UnsafePointer<Scalar>, bKStride: Int,
                           c: UnsafeMutablePointer<Scalar>, ldc: Int, rows: Int, cols: Int,
                           alpha: Scalar, beta: Scalar) {
        let (o1, o2, o3, o4, o5) = rowOffsets(rows: rows, aRowStride: aRowStride)
        var c0 = Vector(), c1 = Vector(), c2 = Vector(), c3 = Vector(), c4 = Vector(), c5 = Vector()
        var pa = a
        var pb = UnsafeRawPointer(b)
        let bStep = bKStride * MemoryLayout<Scalar>.stride
        for _ in 0..<k {
            let b0 = pb.loadUnaligned(as: Vector.self)
            c0 = c0.addingProduct(Vector(repeating: pa[0]), b0)
            c1 = c1.addingProduct(Vector(repeating: pa[o1]), b0)
            c2 = c2.addingProduct(Vector(repeating: pa[o2]), b0)
            c3 = c3.addingProduct(Vector(repeating: pa[o3]), b0)
            c4 = c4.addingProduct(Vector(repeating: pa[o4]), b0)
            c5 = c5.addingProduct(Vector(repeating: pa[o5]), b0)
            pa += aKStride
            pb += bStep
        }
        withUnsafeTemporaryAllocation(of: Vector.self, capacity: 6) { spill in
            spill[0] = c0; spill[1] = c1; spill[2] = c2; spill[3] = c3; spill[4] = c4; spill[5] = c5
            for r in 0..<rows {
                let row = c + r * ldc
                for j in 0..<cols { row[j] = merge(spill[r][j], row[j], alpha, beta) }
            }
        }
    }

    @inline(__always)
    static func storeRow(_ row: UnsafeMutablePointer<Scalar>, _ x0: Vector, _ x1: Vector,
                         _ alpha: Scalar, _ beta: Scalar) {
        let raw = UnsafeMutableRawPointer(row)
        let half = MemoryLayout<Vector>.stride
        if beta == 0 {
            raw.storeBytes(of: x0 * alpha, as: Vector.self)
            raw.storeBytes(of: x1 * alpha, toByteOffset: half, as: Vector.self)
        } else if beta == 1 {
            let old0 = UnsafeRawPointer(raw).loadUnaligned(as: Vector.self)
            let old1 = UnsafeRawPointer(raw).loadUnaligned(fromByteOffset: half, as: Vector.self)
            raw.storeBytes(of: old0 + x0 * alpha, as: Vector.self)
            raw.storeBytes(of: old1 + x1 * alpha, toByteOffset: half, as: Vector.self)
        } else {
            let old0 = UnsafeRawPointer(raw).loadUnaligned(as: Vector.self)
            let old1 = UnsafeRawPointer(raw).loadUnaligned(fromByteOffset: half, as: Vector.self)
            raw.storeBytes(of: x0 * alpha + old0 * beta, as: Vector.self)
            raw.storeBytes(of: x1 * alpha + old1 * beta, toByteOffset: half, as: Vector.self)
        }
    }

    /// Scalar form of `storeRow`, rounding identically (one multiply, then one add).
    @inline(__always)
    static func merge(_ value: Scalar, _ old: Scalar, _ alpha: Scalar, _ beta: Scalar) -> Scalar {
        if beta == 0 { return value * alpha }
        if beta == 1 { return old + value * alpha }
        return value * alpha + old * beta
    }
}

/// Copies blocks of op(A) and op(B) into the contiguous panels the micro-kernel streams through
/// (Goto & van de Geijn 2008, section 4): after packing, every load in the inner loop is sequential,
/// whatever the transposition and leading dimension of the caller's matrices. Edge panels are padded
/// with zeros so the kernel always works on full tiles.
extension GEMMMicroKernel {
    /// Packs `op(A)[rowStart ..< rowStart+rows, depthStart ..< depthStart+depth]` as panels of `mr` rows:
    /// `dest[panel·mr·depth + p·mr + r] = op(A)[rowStart + panel·mr + r, depthStart + p]`.
    static func packA(transposed: Bool, _ a: UnsafePointer<Scalar>, lda: Int,
                      rowStart: Int, rows: Int, depthStart: Int, depth: Int,
                      into dest: UnsafeMutablePointer<Scalar>) {
        var panelStart = 0
        var d = dest
        while panelStart < rows {
            let valid = Swift.min(mr, rows - panelStart)
            let firstRow = rowStart + panelStart
            if transposed {
                // op(A)[i, p] = a[p·lda + i]: each k step is `valid` contiguous values.
                for p in 0..<depth {
                    let source = a + (depthStart + p) * lda + firstRow
                    let target = d + p * mr
                    for r in 0..<valid { target[r] = source[r] }
                    for r in valid..<mr { target[r] = 0 }
                }
            } else {
                // op(A)[i, p] = a[i·lda + p]: interleave `valid` rows.
                interleave(a + firstRow * lda + depthStart, sourceStride: lda, lines: valid, depth: depth,
                           into: d, destStride: mr)
                for r in valid..<mr {
                    for p in 0..<depth { d[p * mr + r] = 0 }
                }
            }
            d += mr * depth
            panelStart += mr
        }
    }

    /// Packs `op(B)[depthStart ..< depthStart+depth, columnStart ..< columnStart+columns]` as panels of
    /// `nr` columns: `dest[panel·nr·depth + p·nr + j] = op(B)[depthStart + p, columnStart + panel·nr + j]`.
    /// Only the panels `panels` (indices relative to `columnStart`) are written.
    static func packB(transposed: Bool, _ b: UnsafePointer<Scalar>, ldb: Int,
                      depthStart: Int, depth: Int, columnStart: Int, columns: Int,
                      panels: Range<Int>, into dest: UnsafeMutablePointer<Scalar>) {
        for panel in panels {
            let firstColumn = columnStart + panel * nr
            let valid = Swift.min(nr, columnStart + columns - firstColumn)
            let d = dest + panel * nr * depth
            if transposed {
                // op(B)[p, j] = b[j·ldb + p]: interleave `valid` rows of b.
                interleave(b + firstColumn * ldb + depthStart, sourceStride: ldb, lines: valid, depth: depth,
                           into: d, destStride: nr)
                for j in valid..<nr {
                    for p in 0..<depth { d[p * nr + j] = 0 }
                }
            } else if valid == nr {
                for p in 0..<depth {
                    let source = UnsafeRawPointer(b + (depthStart + p) * ldb + firstColumn)
                    let target = UnsafeMutableRawPointer(d + p * nr)
                    let half = MemoryLayout<Vector>.stride
                    target.storeBytes(of: source.loadUnaligned(as: Vector.self), as: Vector.self)
                    target.storeBytes(of: source.loadUnaligned(fromByteOffset: half, as: Vector.self),
                                      toByteOffset: half, as: Vector.self)
                }
            } else {
                for p in 0..<depth {
                    let source = b + (depthStart + p) * ldb + firstColumn
                    let target = d + p * nr
                    for j in 0..<valid { target[j] = source[j] }
                    for j in valid..<nr { target[j] = 0 }
                }
            }
        }
    }

    static func interleave(_ source: UnsafePointer<Scalar>, sourceStride: Int, lines: Int, depth: Int,
                           into dest: UnsafeMutablePointer<Scalar>, destStride: Int) {
        // Sequential writes, `lines` sequential read streams.
        for p in 0..<depth {
            for l in 0..<lines { dest[p * destStride + l] = source[l * sourceStride + p] }
        }
    }
}

/// Float: 6×16 tile of SIMD8 (AVX2 ymm registers).
enum SGEMMKernel: GEMMMicroKernel {
    typealias Scalar = Float
    typealias Vector = SIMD8<Float>
    // Measured on Zen 3 (gemm-1024, one thread, min of alternating runs): kc 512 / mc 96 beat BLIS's
    // 256 / 144 by ~12%: half as many passes over C (each pass reloads and stores every C tile, whose
    // rows are 4 KiB apart and collide in L1), at the price of a 32 KiB B micro-panel that L2 feeds.
    // A block mc·kc·4 B = 192 KiB stays in L2 (512 KiB).
    static var kc: Int { 512 }
    static var mc: Int { 96 }
    static var nc: Int { 2048 }
}

/// Double: 6×8 tile of SIMD4 (same register budget as the Float kernel).
enum DGEMMKernel: GEMMMicroKernel {
    typealias Scalar = Double
    typealias Vector = SIMD4<Double>
    static var kc: Int { 256 }
    static var mc: Int { 72 }
    static var nc: Int { 1024 }
}
