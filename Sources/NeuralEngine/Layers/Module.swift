/// The base class of every layer and model: parameters, child modules, train/eval mode, hooks.
///
/// Shaped like `torch.nn.Module` and mlx-swift's `Module`: calling a module (`model(x)`) runs
/// ``forward(_:)`` and then the forward hooks. Parameters and children are declared explicitly by
/// overriding ``ownParameters`` and ``children`` (no reflection), so the parameter tree is visible
/// in the layer's own source:
///
/// ```swift
/// final class TwoLayer: Module {
///     let fc1 = Linear(2, 8), fc2 = Linear(8, 1)
///     override var children: [(String, Module)] { [("fc1", fc1), ("fc2", fc2)] }
///     override func forward(_ x: Tensor) -> Tensor { fc2(fc1(x).relu()) }
/// }
/// ```
open class Module {
    /// True in training mode (the default): Dropout drops, BatchNorm uses batch statistics.
    public private(set) var training = true
    private var forwardHooks: [(id: Int, hook: (Module, Tensor, Tensor) -> Void)] = []
    private var nextHookID = 0

    public init() {}

    /// The computation of this module. Subclasses override it; call the module itself to run hooks too.
    open func forward(_ x: Tensor) -> Tensor {
        fatalError("\(typeName).forward(_:) is not implemented")
    }

    /// Runs ``forward(_:)``, then every forward hook with (module, input, output).
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let y = forward(x)
        if !forwardHooks.isEmpty { for entry in forwardHooks { entry.hook(self, x, y) } }
        return y
    }

    /// Parameters this module owns directly (not those of its children), with their local names.
    open var ownParameters: [(String, Tensor)] { [] }

    /// Non-trainable state this module owns directly (BatchNorm's running statistics).
    open var ownBuffers: [(String, Tensor)] { [] }

    /// Direct child modules with their names ("0", "1", ... in a Sequential; field names otherwise).
    open var children: [(String, Module)] { [] }

    /// The class name, used in descriptions and error messages.
    public var typeName: String { String(describing: type(of: self)) }

    /// A short description of the layer's configuration, e.g. `Linear(64, 10, bias: true)`.
    open var summary: String { typeName }

    // MARK: - Parameter tree

    /// All parameters with dotted names, depth first in declaration order: `"layers.0.weight"`.
    public func namedParameters() -> [(String, Tensor)] {
        var out: [(String, Tensor)] = []
        collect(prefix: "", into: &out, buffers: false)
        return out
    }

    /// All parameters, in the order of ``namedParameters()``.
    public func parameters() -> [Tensor] { namedParameters().map { $0.1 } }

    /// All buffers with dotted names (running statistics of normalization layers).
    public func namedBuffers() -> [(String, Tensor)] {
        var out: [(String, Tensor)] = []
        collect(prefix: "", into: &out, buffers: true)
        return out
    }

    /// Total number of scalar parameters.
    public var parameterCount: Int { parameters().reduce(0) { $0 + $1.count } }

    /// Every module in the tree (this one first), with dotted names ("" for this one).
    public func namedModules() -> [(String, Module)] {
        var out: [(String, Module)] = [("", self)]
        for (name, child) in children {
            for (sub, module) in child.namedModules() {
                out.append((sub.isEmpty ? name : name + "." + sub, module))
            }
        }
        return out
    }

    private func collect(prefix: String, into out: inout [(String, Tensor)], buffers: Bool) {
        for (name, tensor) in (buffers ? ownBuffers : ownParameters) { out.append((prefix + name, tensor)) }
        for (name, child) in children { child.collect(prefix: prefix + name + ".", into: &out, buffers: buffers) }
    }

    /// Drops the gradients of all parameters (PyTorch's `zero_grad(set_to_none=True)`).
    public func zeroGrad() {
        for p in parameters() { p.grad = nil }
    }

    // MARK: - Mode

    /// Switches this module and all its children to training mode (or eval mode when `mode` is false).
    @discardableResult
    public func train(_ mode: Bool = true) -> Self {
        training = mode
        for (_, child) in children { child.train(mode) }
        return self
    }

    /// Switches to evaluation mode: Dropout is the identity, BatchNorm uses running statistics.
    @discardableResult
    public func eval() -> Self { train(false) }

    // MARK: - Hooks

    /// Registers `hook(module, input, output)` to run after every forward call; returns a handle to remove it.
    @discardableResult
    public func addForwardHook(_ hook: @escaping (Module, Tensor, Tensor) -> Void) -> HookHandle {
        let id = nextHookID
        nextHookID += 1
        forwardHooks.append((id, hook))
        return HookHandle { [weak self] in self?.forwardHooks.removeAll { $0.id == id } }
    }

    /// Whether a forward hook is registered (a fused run of layers would skip the hooked output).
    var hasForwardHooks: Bool { !forwardHooks.isEmpty }

    /// Removes every forward hook of this module (not of its children).
    public func removeForwardHooks() { forwardHooks.removeAll() }
}

/// Returned by ``Module/addForwardHook(_:)``; call ``remove()`` to unregister the hook.
public final class HookHandle {
    private var action: (() -> Void)?
    init(_ action: @escaping () -> Void) { self.action = action }
    /// Unregisters the hook (idempotent).
    public func remove() { action?(); action = nil }
}

extension Module: CustomStringConvertible {
    /// The module tree, one line per module, children indented: `Sequential(\n  (0): Linear(...)`.
    public var description: String {
        let kids = children
        if kids.isEmpty { return summary }
        var lines = [summary + "("]
        for (name, child) in kids {
            let text = child.description.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\n  ")
            lines.append("  (\(name)): " + text)
        }
        lines.append(")")
        return lines.joined(separator: "\n")
    }
}
