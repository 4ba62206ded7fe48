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

    public override func forward(_ x: Tensor) -> Tensor {
        var h = x
        for layer in layers { h = layer(h) }
        return h
    }
}
