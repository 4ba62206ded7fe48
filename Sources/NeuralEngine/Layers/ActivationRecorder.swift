/// Records each layer's output activations in a forward pass and, after `backward()`, the gradient
/// of the loss with respect to those activations — what the initialization and vanishing-gradient
/// chapters plot per layer (Glorot & Bengio 2010, figures 3-7).
///
/// ```swift
/// let recorder = ActivationRecorder(model, where: { $0 is Tanh })
/// let loss = crossEntropy(logits: model(x), labels: y)
/// loss.backward()
/// for r in recorder.records { print(r.name, r.activation.stdValue, r.gradient?.stdValue ?? 0) }
/// ```
///
/// Uses forward hooks on the layers of a ``Sequential`` and gradient hooks on their outputs; only the
/// latest forward pass is kept. Call ``remove()`` to stop recording.
public final class ActivationRecorder {
    /// One recorded layer.
    public struct Record {
        /// Name of the layer: its index in a Sequential ("3", matching parameter names) or the given name.
        public let name: String
        /// Position of the layer in the recorded list.
        public let index: Int
        /// The layer's class name ("Tanh").
        public let layerType: String
        /// Output of the layer in the latest forward pass (detached copy).
        public let activation: Tensor
        /// ∂loss/∂output after backward, nil before backward or when the output did not require gradients.
        public var gradient: Tensor?
    }

    private var byIndex: [Int: Record] = [:]
    private var handles: [HookHandle] = []

    /// Registers on every layer of `model` for which `include` is true (all layers by default).
    public convenience init(_ model: Sequential, where include: (Module) -> Bool = { _ in true }) {
        self.init(modules: model.layers.enumerated().map { (String($0.offset), $0.element) }, where: include)
    }

    /// Registers on named modules of any model, e.g. `model.namedModules()` or `[("fc1", fc1), ("fc2", fc2)]`;
    /// records come back in this order.
    public init(modules: [(String, Module)], where include: (Module) -> Bool = { _ in true }) {
        for (index, (name, layer)) in modules.enumerated() where include(layer) {
            let handle = layer.addForwardHook { [weak self] module, _, output in
                self?.capture(index: index, name: name, module: module, output: output)
            }
            handles.append(handle)
        }
    }

    private func capture(index: Int, name: String, module: Module, output: Tensor) {
        byIndex[index] = Record(name: name, index: index, layerType: module.typeName,
                                activation: output.detach(), gradient: nil)
        if output.requiresGrad {
            output.onGradient { [weak self] g in self?.byIndex[index]?.gradient = g.detach() }
        }
    }

    /// The recorded layers in network order.
    public var records: [Record] { byIndex.keys.sorted().compactMap { byIndex[$0] } }

    /// Recorded activations in network order.
    public var activations: [Tensor] { records.map(\.activation) }

    /// Recorded activation gradients in network order (nil entries before backward).
    public var gradients: [Tensor?] { records.map(\.gradient) }

    /// Forgets what was recorded (hooks stay registered).
    public func clear() { byIndex.removeAll() }

    /// Unregisters all hooks.
    public func remove() {
        for h in handles { h.remove() }
        handles.removeAll()
    }
}
