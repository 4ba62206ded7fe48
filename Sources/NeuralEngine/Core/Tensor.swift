import Foundation

/// An n-dimensional array of `Float` or `Double` with reverse-mode automatic differentiation.
///
/// A reference type, like `torch.Tensor`: layers and optimizers share parameters by reference.
/// Storage is contiguous and row-major (C order); shape operations that reorder elements
/// (`transpose`, `permute`) materialise a copy, which keeps every kernel a simple loop.
///
/// Each differentiable operation records its inputs and a backward closure beside its forward code
/// (micrograd's design, Karpathy 2020); ``backward(_:)`` walks the recorded graph in reverse
/// topological order and accumulates gradients into ``grad``.
/// Marked `@unchecked Sendable` so tensors can cross into worker closures and static storage; the
/// engine itself never mutates one tensor from two threads.
public final class Tensor: @unchecked Sendable {
    /// Size of each axis; `[]` for a scalar.
    public let shape: [Int]
    /// Element type.
    public let dtype: DType
    /// Float32 storage (empty when `dtype == .float64`).
    var f32: [Float]
    /// Float64 storage (empty when `dtype == .float32`).
    var f64: [Double]

    /// Whether gradients flow into this tensor. Set it on leaves (parameters, inputs you differentiate).
    public var requiresGrad: Bool
    /// Gradient accumulated by ``backward(_:)`` (leaves, and non-leaves after ``retainGrad()``).
    public var grad: Tensor?
    /// Optional name shown in anomaly messages and by hooks.
    public var name: String?

    /// Tensors this one was computed from (empty for leaves).
    var parents: [Tensor] = []
    /// Maps the gradient of this tensor to the gradients of `parents` (nil where not needed).
    var backwardFn: ((Tensor) -> [Tensor?])?
    /// Name of the operation that produced this tensor ("mul", "matmul", ...).
    public internal(set) var opName: String?
    /// Keep `grad` on this non-leaf tensor after backward.
    var retainsGrad = false
    /// Closures called with this tensor's complete gradient during backward.
    var gradientHooks: [(Tensor) -> Void] = []

    init(shape: [Int], f32: [Float]) {
        precondition(f32.count == Shape.count(shape), "internal: storage size mismatch")
        HeapTuning.ensure()
        self.shape = shape; self.dtype = .float32; self.f32 = f32; self.f64 = []; self.requiresGrad = false
    }

    init(shape: [Int], f64: [Double]) {
        precondition(f64.count == Shape.count(shape), "internal: storage size mismatch")
        HeapTuning.ensure()
        self.shape = shape; self.dtype = .float64; self.f32 = []; self.f64 = f64; self.requiresGrad = false
    }

    /// A float32 tensor holding `values` in row-major order.
    public init(_ values: [Float], shape: [Int]) {
        if values.count != Shape.count(shape) {
            fatalError("Tensor: \(values.count) values do not fill shape \(ShapeError.describe(shape)) (\(Shape.count(shape)) elements)")
        }
        self.shape = shape; self.dtype = .float32; self.f32 = values; self.f64 = []; self.requiresGrad = false
    }

    /// A tensor holding `values` in row-major order, stored as `dtype`. Float32 by default, as in
    /// PyTorch, so that `Tensor([0.5, 1.5], shape: [2])` mixes with float32 layers; pass
    /// `dtype: .float64` for gradient checks.
    public init(_ values: [Double], shape: [Int], dtype: DType = .float32) {
        if values.count != Shape.count(shape) {
            fatalError("Tensor: \(values.count) values do not fill shape \(ShapeError.describe(shape)) (\(Shape.count(shape)) elements)")
        }
        self.shape = shape; self.dtype = dtype; self.requiresGrad = false
        if dtype == .float32 { f32 = values.map { Float($0) }; f64 = [] } else { f32 = []; f64 = values }
    }

    /// A 1-D float32 tensor holding `values`: `Tensor([1, 2, 3])` has shape `[3]`, as `torch.tensor`.
    public convenience init(_ values: [Float]) {
        self.init(values, shape: [values.count])
    }

    /// A 1-D tensor holding `values`, stored as `dtype` (float32 by default):
    /// `Tensor([0.5, 1.5], dtype: .float64)` has shape `[2]`.
    public convenience init(_ values: [Double], dtype: DType = .float32) {
        self.init(values, shape: [values.count], dtype: dtype)
    }

    /// A rank-0 (scalar) tensor.
    public convenience init(_ scalar: Double, dtype: DType = .float32) {
        self.init([scalar], shape: [], dtype: dtype)
    }

    /// A 2-D tensor from a nested array literal (rows must have equal length).
    public convenience init(_ rows: [[Double]], dtype: DType = .float32) {
        let cols = rows.first?.count ?? 0
        for (i, row) in rows.enumerated() where row.count != cols {
            fatalError("Tensor: row \(i) has \(row.count) values, row 0 has \(cols)")
        }
        self.init(rows.flatMap { $0 }, shape: [rows.count, cols], dtype: dtype)
    }

    /// Number of elements.
    public var count: Int { dtype == .float32 ? f32.count : f64.count }
    /// Number of axes.
    public var rank: Int { shape.count }
    /// True when the tensor was not produced by a recorded operation.
    public var isLeaf: Bool { backwardFn == nil }

    /// The elements as `Float` in row-major order (a copy).
    public var scalars: [Float] { dtype == .float32 ? f32 : f64.map { Float($0) } }
    /// The elements as `Double` in row-major order (a copy).
    public var doubles: [Double] { dtype == .float64 ? f64 : f32.map { Double($0) } }

    /// The value of a one-element tensor.
    public func item() -> Double {
        if count != 1 { fatalError("item: tensor of shape \(ShapeError.describe(shape)) has \(count) elements, not 1") }
        return dtype == .float32 ? Double(f32[0]) : f64[0]
    }

    /// Element at a multi-index (convenience for tests and small tables; slow in loops).
    public subscript(index indices: Int...) -> Double {
        if indices.count != rank { fatalError("subscript: \(indices.count) indices for shape \(ShapeError.describe(shape))") }
        var flat = 0
        for (axis, i) in indices.enumerated() {
            if i < 0 || i >= shape[axis] { fatalError("subscript: index \(i) out of range for axis \(axis) of shape \(ShapeError.describe(shape))") }
            flat = flat * shape[axis] + i
        }
        return dtype == .float32 ? Double(f32[flat]) : f64[flat]
    }

    /// A tensor sharing no graph with this one (same values, `requiresGrad == false`).
    public func detach() -> Tensor {
        dtype == .float32 ? Tensor(shape: shape, f32: f32) : Tensor(shape: shape, f64: f64)
    }

    /// Drops the accumulated gradient.
    public func zeroGrad() { grad = nil }

    /// Keeps this non-leaf tensor's gradient in ``grad`` after backward (as PyTorch's `retain_grad`).
    public func retainGrad() { retainsGrad = true }

    /// Registers `hook` to be called with this tensor's gradient during ``backward(_:)``, once it is
    /// complete (all paths summed). Used to record per-layer gradients.
    public func onGradient(_ hook: @escaping (Tensor) -> Void) { gradientHooks.append(hook) }

    /// Marks this tensor as a leaf that requires gradients and returns it (for chaining).
    @discardableResult
    public func requiringGrad(_ flag: Bool = true) -> Tensor { requiresGrad = flag; return self }
}

extension Tensor: CustomStringConvertible {
    /// Shape, dtype and up to the first 8 values, e.g. `Tensor([2, 3], float32: [0.1, ...])`.
    public var description: String {
        let values = doubles.prefix(8).map { String(format: "%.4g", $0) }.joined(separator: ", ")
        return "Tensor(\(ShapeError.describe(shape)), \(dtype): [\(values)\(count > 8 ? ", ..." : "")])"
    }
}
