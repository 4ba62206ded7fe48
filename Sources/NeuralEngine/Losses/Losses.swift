/// Loss functions, built from differentiable Tensor primitives. All return a scalar tensor (mean over the batch).

/// Mean squared error: mean((prediction − target)²) over all elements (PyTorch `mse_loss`, reduction mean).
public func mseLoss(_ prediction: Tensor, _ target: Tensor) -> Tensor {
    if prediction.shape != target.shape {
        ShapeError.mismatch("mseLoss", prediction.shape, target.shape)
    }
    return (prediction - target).square().mean()
}

/// Cross-entropy of integer class labels under softmax(logits), averaged over the N rows:
/// L = −(1/N) Σᵢ log softmax(zᵢ)[yᵢ].
///
/// Computed with the log-sum-exp trick (log softmax(z) = z − max z − log Σ e^(z − max z)), so large
/// logits do not overflow. Its gradient with respect to the logits is (softmax(z) − onehot(y)) / N.
/// Runs the fused `softmaxCrossEntropy` (Ops/CrossEntropy.swift); `crossEntropyComposite` is the
/// same loss from primitives.
/// - Parameters:
///   - logits: `[N, C]` unnormalized scores.
///   - labels: N class indices in 0..<C.
public func crossEntropy(logits: Tensor, labels: [Int]) -> Tensor {
    if logits.rank != 2 || logits.shape[0] != labels.count {
        fatalError("crossEntropy: logits \(ShapeError.describe(logits.shape)) must be [N, C] with N = \(labels.count) labels")
    }
    return softmaxCrossEntropy(logits, labels)
}

/// ``crossEntropy(logits:labels:)`` built from Tensor primitives: −(logSoftmax(z) ⊙ onehot(y)).sum() / N.
/// Slower (about nine graph nodes); kept as the readable reference the fused op is tested against.
public func crossEntropyComposite(logits: Tensor, labels: [Int]) -> Tensor {
    if logits.rank != 2 || logits.shape[0] != labels.count {
        fatalError("crossEntropy: logits \(ShapeError.describe(logits.shape)) must be [N, C] with N = \(labels.count) labels")
    }
    let picked = logits.logSoftmax(axis: -1) * oneHot(labels, classes: logits.shape[1], dtype: logits.dtype)
    return picked.sum() * (-1 / Double(labels.count))
}

/// Binary cross-entropy of targets t ∈ [0, 1] under σ(logits), averaged over all elements:
/// L = mean(softplus(x) − x·t), which equals −[t·log σ(x) + (1 − t)·log(1 − σ(x))] but never takes
/// the log of 0 (PyTorch `binary_cross_entropy_with_logits`).
public func binaryCrossEntropy(logits: Tensor, targets: Tensor) -> Tensor {
    if logits.shape != targets.shape {
        ShapeError.mismatch("binaryCrossEntropy", logits.shape, targets.shape)
    }
    return (logits.softplus() - logits * targets).mean()
}

/// L1 penalty Σ |w| over all elements of all `parameters` (drives weights to exactly zero; lasso).
public func l1Penalty(_ parameters: [Tensor]) -> Tensor {
    guard let first = parameters.first else { return Tensor(0) }
    var total = first.abs().sum()
    for p in parameters.dropFirst() { total = total + p.abs().sum() }
    return total
}

/// L2 penalty Σ w² over all elements of all `parameters` (no ½; ridge / weight decay).
/// Its gradient is 2w, so adding (λ/2)·l2Penalty to the loss equals SGD's `weightDecay: λ`.
public func l2Penalty(_ parameters: [Tensor]) -> Tensor {
    guard let first = parameters.first else { return Tensor(0) }
    var total = first.square().sum()
    for p in parameters.dropFirst() { total = total + p.square().sum() }
    return total
}
