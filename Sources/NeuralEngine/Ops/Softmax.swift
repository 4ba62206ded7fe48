/// Softmax and log-softmax, composed from primitives (so no hand-written backward can be wrong).
extension Tensor {
    /// softmax(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m) along `axis`, with m = max x.
    /// Subtracting the (detached) max avoids overflow and changes nothing: softmax is shift-invariant,
    /// so the gradient through m would be exactly zero anyway.
    public func softmax(axis: Int = -1) -> Tensor {
        let a = Shape.normalize(axis: axis, rank: rank, op: "softmax", shape: shape)
        let shifted = self - max(axes: [a], keepDims: true).detach()
        let e = shifted.exp()
        return e / e.sum(axes: [a], keepDims: true)
    }

    /// log softmax(x)ᵢ = (xᵢ − m) − ln Σⱼ e^(xⱼ − m) along `axis` (the log-sum-exp trick), stable
    /// for any logits; the input of cross-entropy from logits.
    public func logSoftmax(axis: Int = -1) -> Tensor {
        let a = Shape.normalize(axis: axis, rank: rank, op: "logSoftmax", shape: shape)
        let shifted = self - max(axes: [a], keepDims: true).detach()
        return shifted - shifted.exp().sum(axes: [a], keepDims: true).log()
    }

    /// ln Σ e^x over `axes`, computed stably as m + ln Σ e^(x − m).
    public func logSumExp(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
        let m = max(axes: axes, keepDims: true).detach()
        let lse = (self - m).exp().sum(axes: axes, keepDims: true).log() + m
        return keepDims ? lse : lse.reshape(Tensor.reducedShape(shape, axes: Shape.normalize(axes: axes, shape: shape, op: "logSumExp"), keepDims: false))
    }
}

/// Softmax along `axis`.
public func softmax(_ x: Tensor, axis: Int = -1) -> Tensor { x.softmax(axis: axis) }
/// Log-softmax along `axis`.
public func logSoftmax(_ x: Tensor, axis: Int = -1) -> Tensor { x.logSoftmax(axis: axis) }
