/// A fully connected map y = x·Wᵀ + b, as PyTorch's `F.linear(input, weight, bias)`: input
/// `[..., in]`, weight `[out, in]` (PyTorch's layout), bias `[out]` or nil; output `[..., out]`.
///
/// A composite of ``matmul(_:_:transposeA:transposeB:)`` and a broadcast add, so it records no
/// backward of its own. The transpose is folded into the matrix product (GEMM with a transposed
/// operand), so no copy of W is made per step. Traps with the shapes when they do not fit.
public func linear(_ x: Tensor, weight: Tensor, bias: Tensor? = nil) -> Tensor {
    if weight.rank != 2 || x.rank == 0 || x.shape[x.rank - 1] != weight.shape[1] {
        ShapeError.mismatch("linear", x.shape, weight.shape, detail: "expected input [..., in] and weight [out, in]")
    }
    if let bias, bias.shape != [weight.shape[0]] {
        ShapeError.mismatch("linear bias", [weight.shape[0]], bias.shape)
    }
    let y = matmul(x, weight, transposeB: true)
    guard let bias else { return y }
    return y + bias
}
