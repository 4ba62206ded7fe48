/// x·Wᵀ + b for `Linear`, with W stored `[out, in]` as in PyTorch.
///
/// The transpose is folded into the matrix product (GEMM with a transposed operand), so no copy
/// of W is made per step; the layer gradient tests check the result against central differences.
func affine(_ x: Tensor, weight: Tensor, bias: Tensor?) -> Tensor {
    let y = matmul(x, weight, transposeB: true)
    guard let bias else { return y }
    return y + bias
}
