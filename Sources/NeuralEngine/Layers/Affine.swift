/// x·Wᵀ + b for `Linear`, with W stored `[out, in]` as in PyTorch.
///
/// Kept in one place so a fused kernel (GEMM with a transposed operand) can replace the composite
/// without touching the layer; the gradient tests in `LayerGradientTests` cover either form.
func affine(_ x: Tensor, weight: Tensor, bias: Tensor?) -> Tensor {
    let y = x.matmul(weight.transpose())
    guard let bias else { return y }
    return y + bias
}
