/// Fused softmax cross-entropy: one graph node instead of the ~9 of the composite
/// `−(logSoftmax(z) · onehot(y)).sum() / N`, which dominates the per-step overhead of small models.
///
/// Forward, per row i (stable log-sum-exp, m = max z): Lᵢ = m + ln Σⱼ e^(zᵢⱼ − m) − zᵢ,yᵢ; L = mean Lᵢ.
/// Backward: ∂L/∂zᵢⱼ = (softmax(zᵢ)ⱼ − [j = yᵢ]) / N, times the incoming gradient.
/// `NNLossTests` compare value and gradient with the composite (`crossEntropyComposite`).
/// The caller checks that `logits` is `[N, C]` with N labels.
func softmaxCrossEntropy(_ logits: Tensor, _ labels: [Int]) -> Tensor {
    let (n, c) = (logits.shape[0], logits.shape[1])
    for (i, y) in labels.enumerated() where y < 0 || y >= c {
        fatalError("crossEntropy: label \(y) at row \(i) is outside 0..<\(c)")
    }
    switch logits.dtype {
    case .float32: return softmaxCrossEntropy(Float.self, logits, labels, n, c)
    case .float64: return softmaxCrossEntropy(Double.self, logits, labels, n, c)
    }
}

private func softmaxCrossEntropy<T: TensorScalar>(_: T.Type, _ logits: Tensor, _ labels: [Int], _ n: Int, _ c: Int) -> Tensor {
    let (probabilities, total) = CrossEntropyKernel.forward(logits.storage(T.self), labels, n: n, c: c)
    let out = Tensor.make([T(total / Double(n))], shape: [])
    return Tensor.record("crossEntropy", inputs: [logits], output: out) { g in
        let scale = T(g.item() / Double(n))
        return [Tensor.make(CrossEntropyKernel.backward(probabilities, labels, n: n, c: c, scale: scale), shape: [n, c])]
    }
}
