/// A chain of modules applied in order: `Sequential([Linear(64, 32), ReLU(), Linear(32, 10)])`.
///
/// Children are named "0", "1", ... so parameters read `"0.weight"`, `"2.bias"` as in PyTorch.
public final class Sequential: Module {
    /// The layers, in application order.
    public private(set) var layers: [Module]

    public init(_ layers: [Module]) {
        self.layers = layers
        super.init()
    }

    public convenience init(_ layers: Module...) { self.init(layers) }

    /// The layer at `index`.
    public subscript(index: Int) -> Module {
        if index < 0 || index >= layers.count { fatalError("Sequential: index \(index) out of range 0..<\(layers.count)") }
        return layers[index]
    }

    /// Layers `range` as a new Sequential sharing the same modules (and parameters).
    public subscript(range: Range<Int>) -> Sequential { Sequential(Array(layers[range])) }

    /// Number of layers.
    public var count: Int { layers.count }

    /// Appends a layer.
    public func append(_ layer: Module) { layers.append(layer) }

    public override var children: [(String, Module)] {
        layers.enumerated().map { (String($0.offset), $0.element) }
    }

    /// Whether runs of layers with a fused implementation (``LayerFusion``: BatchNorm2d → ReLU, and
    /// BatchNorm2d → ReLU → MaxPool2d(2)) run as one operation. The values and gradients are the same
    /// bit for bit; only the memory traffic differs. Runs whose layers carry forward hooks are never
    /// fused. Set to false to run every layer on its own (the reference the fused paths are tested against).
    public var fusesLayers = true

    public override func forward(_ x: Tensor) -> Tensor { forward(x) { _, _ in } }

    /// ``forward(_:)``, calling `step(layers, output)` after each step: one layer, or a fused run of
    /// layers (their index range) with the run's output. For profilers (`bench --phases`).
    public func forward(_ x: Tensor, observing step: (Range<Int>, Tensor) -> Void) -> Tensor {
        var h = x
        var index = 0
        while index < layers.count {
            let start = index
            if fusesLayers, let fused = LayerFusion.run(layers, at: index, input: h) {
                h = fused.output
                index += fused.layerCount
            } else {
                h = layers[index](h)
                index += 1
            }
            step(start..<index, h)
        }
        return h
    }
}
