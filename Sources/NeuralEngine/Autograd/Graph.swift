/// Graph recording: every differentiable operation ends by calling `record`.
extension Tensor {
    /// Attaches `backward` to `output` when gradients are being recorded and some input requires them.
    ///
    /// `backward` receives the gradient of `output` (same shape) and returns one gradient per input,
    /// shaped like that input (nil for inputs that need none). It runs under `noGrad`.
    @discardableResult
    static func record(_ op: String, inputs: [Tensor], output: Tensor,
                       backward: @escaping (Tensor) -> [Tensor?]) -> Tensor {
        Anomaly.check(op: op, inputs: inputs, output: output)
        output.opName = op
        guard NoGrad.isRecording, inputs.contains(where: \.requiresGrad) else { return output }
        output.requiresGrad = true
        output.parents = inputs
        output.backwardFn = backward
        return output
    }

    /// Sums `grad` over the axes along which a tensor of `shape` was broadcast, returning `shape`.
    /// Broadcasting copies a value to many outputs, so its gradient is the sum of theirs.
    static func reduce(_ grad: Tensor, toShape shape: [Int]) -> Tensor {
        if grad.shape == shape { return grad }
        let lead = grad.rank - shape.count
        var axes: [Int] = Array(0..<lead)
        for i in 0..<shape.count where shape[i] == 1 && grad.shape[i + lead] != 1 { axes.append(i + lead) }
        let summed = axes.isEmpty ? grad : grad.sum(axes: axes, keepDims: true)
        return summed.reshape(shape)
    }
}
