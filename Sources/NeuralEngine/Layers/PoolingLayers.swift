/// What ``MaxPool2d`` and ``AvgPool2d`` share: a k×k window over `[N, C, H, W]`, its stride
/// (defaults to k, as in PyTorch) and zero padding on each side (at most k/2).
public class Pool2d: Module {
    public let kernelSize: Int
    public let stride: Int
    /// Zero padding on each side, at most kernelSize / 2 (see ``maxPool2d(_:kernel:stride:padding:)``).
    public let padding: Int

    init(kernelSize: Int, stride: Int?, padding: Int) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        super.init()
    }

    public override var summary: String {
        "\(typeName)(\(kernelSize), stride: \(stride)" + (padding > 0 ? ", padding: \(padding))" : ")")
    }
}

/// Max pooling over k×k windows of `[N, C, H, W]` (``maxPool2d(_:kernel:stride:padding:)``).
public final class MaxPool2d: Pool2d {
    public init(_ kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        super.init(kernelSize: kernelSize, stride: stride, padding: padding)
    }
    public override func forward(_ x: Tensor) -> Tensor { maxPool2d(x, kernel: kernelSize, stride: stride, padding: padding) }
}

/// Average pooling over k×k windows of `[N, C, H, W]` (``avgPool2d(_:kernel:stride:padding:)``).
public final class AvgPool2d: Pool2d {
    public init(_ kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        super.init(kernelSize: kernelSize, stride: stride, padding: padding)
    }
    public override func forward(_ x: Tensor) -> Tensor { avgPool2d(x, kernel: kernelSize, stride: stride, padding: padding) }
}

/// Mean over the spatial axes: `[N, C, H, W]` → `[N, C]` (Lin et al. 2014, "Network in Network").
public final class GlobalAvgPool2d: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { globalAvgPool2d(x) }
}
