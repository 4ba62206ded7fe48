/// Max pooling over k×k windows of `[N, C, H, W]` (stride defaults to k, as in PyTorch).
public final class MaxPool2d: Module {
    public let kernelSize: Int
    public let stride: Int
    public init(_ kernelSize: Int, stride: Int? = nil) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        super.init()
    }
    public override var summary: String { "MaxPool2d(\(kernelSize), stride: \(stride))" }
    public override func forward(_ x: Tensor) -> Tensor { maxPool2d(x, kernel: kernelSize, stride: stride) }
}

/// Average pooling over k×k windows of `[N, C, H, W]` (stride defaults to k).
public final class AvgPool2d: Module {
    public let kernelSize: Int
    public let stride: Int
    public init(_ kernelSize: Int, stride: Int? = nil) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        super.init()
    }
    public override var summary: String { "AvgPool2d(\(kernelSize), stride: \(stride))" }
    public override func forward(_ x: Tensor) -> Tensor { avgPool2d(x, kernel: kernelSize, stride: stride) }
}

/// Mean over the spatial axes: `[N, C, H, W]` → `[N, C]` (Lin et al. 2014, "Network in Network").
public final class GlobalAvgPool2d: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { globalAvgPool2d(x) }
}
