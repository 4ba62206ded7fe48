/// A 2-D convolution (cross-correlation, as in every framework): input `[N, C, H, W]`, weight
/// `[O, C, k, k]`, output `[N, O, H', W']` with H' = ⌊(H + 2·padding − k) / stride⌋ + 1.
///
/// Default initialization is PyTorch's: W ~ U(−1/√fanIn, 1/√fanIn), fanIn = C·k·k, and the same bound for b.
public final class Conv2d: Module {
    /// Weight `[outChannels, inChannels, kernelSize, kernelSize]`.
    public let weight: Tensor
    /// Bias `[outChannels]`, or nil.
    public let bias: Tensor?
    public let inChannels: Int
    public let outChannels: Int
    public let kernelSize: Int
    public let stride: Int
    public let padding: Int

    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
                bias: Bool = true, weightInit: Initializer = .pytorchDefault, biasInit: Initializer? = nil,
                dtype: DType = .float32, generator: RandomGenerator = .global) {
        if inChannels <= 0 || outChannels <= 0 || kernelSize <= 0 || stride <= 0 || padding < 0 {
            fatalError("Conv2d: invalid configuration in \(inChannels) out \(outChannels) kernel \(kernelSize) stride \(stride) padding \(padding)")
        }
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        let shape = [outChannels, inChannels, kernelSize, kernelSize]
        weight = weightInit.make(shape, dtype: dtype, generator: generator).requiringGrad()
        weight.name = "weight"
        if bias {
            let bound = 1 / Double(Fans(shape: shape).fanIn).squareRoot()
            let b = (biasInit ?? .uniform(-bound, bound)).make([outChannels], dtype: dtype, generator: generator)
            b.name = "bias"
            self.bias = b.requiringGrad()
        } else {
            self.bias = nil
        }
        super.init()
    }

    public override var ownParameters: [(String, Tensor)] {
        if let bias { return [("weight", weight), ("bias", bias)] }
        return [("weight", weight)]
    }

    public override var summary: String {
        "Conv2d(\(inChannels), \(outChannels), kernelSize: \(kernelSize), stride: \(stride), padding: \(padding), bias: \(bias != nil))"
    }

    public override func forward(_ x: Tensor) -> Tensor {
        if x.rank != 4 || x.shape[1] != inChannels {
            ShapeError.mismatch("Conv2d.forward", x.shape, weight.shape, detail: "expected input [N, \(inChannels), H, W]")
        }
        return conv2d(x, weight: weight, bias: bias, stride: stride, padding: padding)
    }
}
