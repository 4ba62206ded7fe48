/// Runs of layers in a ``Sequential`` that have a fused implementation, found by looking at the
/// layer types (a peephole pass over the list, as `torch.ao.quantization.fuse_modules` or a graph
/// compiler's pattern rules would do):
///
/// | run | fused operation |
/// | --- | --- |
/// | BatchNorm2d → ReLU → MaxPool2d(2) (stride 2, no padding) | `batchNormReLU(_:pool: true, ...)` |
/// | BatchNorm2d → ReLU | `batchNormReLU(_:pool: false, ...)` |
///
/// The fused operation gives the composite's values and gradients bit for bit and updates the running
/// statistics the same way (Ops/FusedNormalization.swift). A run is fused only when none of its layers
/// has a forward hook (hooks must see every layer's output) and the input fits (a 4-D input with the
/// layer's channel count; otherwise the layers run one by one and trap with their own messages).
enum LayerFusion {
    /// The output of the fused run starting at `index`, and how many layers it covered; nil when no
    /// fused run starts there.
    static func run(_ layers: [Module], at index: Int, input x: Tensor) -> (output: Tensor, layerCount: Int)? {
        guard index + 1 < layers.count, let norm = layers[index] as? BatchNorm2d, layers[index + 1] is ReLU,
              !norm.hasForwardHooks, !layers[index + 1].hasForwardHooks,
              x.rank == 4, x.shape[1] == norm.numFeatures else { return nil }
        var pool = false
        if index + 2 < layers.count, let maxPool = layers[index + 2] as? MaxPool2d, !maxPool.hasForwardHooks,
           maxPool.kernelSize == 2, maxPool.stride == 2, maxPool.padding == 0, x.shape[2] >= 2, x.shape[3] >= 2 {
            pool = true
        }
        if norm.training && x.count / norm.numFeatures < 2 { return nil }
        let output = batchNormReLU(x, pool: pool, runningMean: norm.runningMean, runningVar: norm.runningVar,
                                   weight: norm.weight, bias: norm.bias, training: norm.training,
                                   momentum: norm.momentum, eps: norm.eps)
        return (output, pool ? 3 : 2)
    }
}
