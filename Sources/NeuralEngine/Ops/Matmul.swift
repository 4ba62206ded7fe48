/// Matrix multiplication (batched, NumPy semantics), calling the GEMM kernel.
extension Tensor {
    /// `self · other`. See ``matmul(_:_:transposeA:transposeB:)``.
    public func matmul(_ other: Tensor) -> Tensor { NeuralEngine.matmul(self, other) }
}

/// Matrix product C = op(A) · op(B), where op transposes the last two axes when asked.
///
/// Shapes `[..., m, k] · [..., k, n] -> [..., m, n]`, batch axes broadcast as in NumPy; a 1-D left
/// operand is a row vector and a 1-D right operand a column vector, their axis removed from the result.
/// Gradients: ∂L/∂A = ∂L/∂C · Bᵀ, ∂L/∂B = Aᵀ · ∂L/∂C (summed over broadcast batch axes).
/// The transpose flags go to GEMM directly, so `matmul(x, w, transposeB: true)` (a Linear layer with
/// PyTorch's `[out, in]` weight) copies nothing.
public func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
    if a.dtype != b.dtype { fatalError(ShapeError.dtypeMessage("matmul", a.dtype, b.dtype)) }
    if a.rank == 0 || b.rank == 0 { ShapeError.mismatch("matmul", a.shape, b.shape, detail: "scalars cannot be multiplied as matrices") }
    let a2 = a.rank == 1 ? a.reshape(transposeA ? [a.count, 1] : [1, a.count]) : a
    let b2 = b.rank == 1 ? b.reshape(transposeB ? [1, b.count] : [b.count, 1]) : b
    var out = matmulValues(a2, b2, transposeA: transposeA, transposeB: transposeB)
    out = Tensor.record("matmul", inputs: [a2, b2], output: out) { g in
        // C = A·B: dA = g·Bᵀ, dB = Aᵀ·g; with A stored transposed (C = Aᵀ·B), dA = (g·Bᵀ)ᵀ = B·gᵀ, etc.
        let da: Tensor? = a2.requiresGrad ? Tensor.reduce(
            transposeA ? matmulValues(b2, g, transposeA: transposeB, transposeB: true)
                       : matmulValues(g, b2, transposeA: false, transposeB: !transposeB),
            toShape: a2.shape) : nil
        let db: Tensor? = b2.requiresGrad ? Tensor.reduce(
            transposeB ? matmulValues(g, a2, transposeA: true, transposeB: transposeA)
                       : matmulValues(a2, g, transposeA: !transposeA, transposeB: false),
            toShape: b2.shape) : nil
        return [da, db]
    }
    if a.rank == 1 { out = out.squeeze(axis: -2) }
    if b.rank == 1 { out = out.squeeze(axis: -1) }
    return out
}

/// The product's values without graph recording: checks the shapes, finds each broadcast batch's
/// matrices, and runs one GEMM per batch (`MatmulKernel`).
private func matmulValues(_ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool) -> Tensor {
    let (ra, ca) = (a.shape[a.rank - 2], a.shape[a.rank - 1])
    let (rb, cb) = (b.shape[b.rank - 2], b.shape[b.rank - 1])
    let (m, k) = transposeA ? (ca, ra) : (ra, ca)
    let (k2, n) = transposeB ? (cb, rb) : (rb, cb)
    if k != k2 {
        ShapeError.mismatch("matmul", a.shape, b.shape,
                            detail: "\(k) != \(k2)" + (transposeA || transposeB ? "; transposeA \(transposeA), transposeB \(transposeB)" : ""))
    }
    let batchA = Array(a.shape.dropLast(2)), batchB = Array(b.shape.dropLast(2))
    let batch = Shape.broadcast(batchA, batchB, op: "matmul")
    let batches = Shape.count(batch)
    // Offsets of each batch's matrix in A and B (0-stride along broadcast batch axes).
    let stridesA = Shape.broadcastStrides(batchA, to: batch), stridesB = Shape.broadcastStrides(batchB, to: batch)
    var offsetsA = [Int](repeating: 0, count: batches), offsetsB = [Int](repeating: 0, count: batches)
    if !batch.isEmpty {
        StridedLoop.run(shape: batch + [1], stridesA + [0], stridesB + [0]) { oa, ob, _, _, _, out in
            offsetsA[out] = oa * ra * ca; offsetsB[out] = ob * rb * cb
        }
    }
    let product = MatmulKernel.Product(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
                                       lda: ca, ldb: cb, offsetsA: offsetsA, offsetsB: offsetsB)
    switch a.dtype {
    case .float32: return Tensor(shape: batch + [m, n], f32: product.run(a.f32, b.f32))
    case .float64: return Tensor(shape: batch + [m, n], f64: product.run(a.f64, b.f64))
    }
}
