/// Saving and restoring a module's values (parameters and buffers), as PyTorch's `state_dict`.
///
/// Restoring copies values *into* the existing tensors instead of replacing them, so optimizers that
/// hold the parameters by reference keep working (early stopping restores the best weights this way).
extension Module {
    /// Copies of every parameter and buffer value, keyed by dotted name.
    public func stateDict() -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        for (name, t) in namedParameters() + namedBuffers() { out[name] = t.detach() }
        return out
    }

    /// Copies the values of `state` into this module's parameters and buffers, in place.
    /// Traps naming the key when a name is missing or a shape differs (a programmer error).
    public func loadStateDict(_ state: [String: Tensor]) {
        for (name, t) in namedParameters() + namedBuffers() {
            guard let source = state[name] else { fatalError("loadStateDict: no value for \(name)") }
            t.copyValues(from: source, op: "loadStateDict(\(name))")
        }
    }
}

extension Tensor {
    /// Overwrites this tensor's elements with those of `source` (same shape; dtype converted), keeping
    /// identity and graph-free status. Internal: the public API stays value-semantic.
    func copyValues(from source: Tensor, op: String) {
        if source.shape != shape { ShapeError.mismatch(op, shape, source.shape) }
        switch (dtype, source.dtype) {
        case (.float32, .float32): f32 = source.f32
        case (.float64, .float64): f64 = source.f64
        case (.float32, .float64): f32 = source.f64.map { Float($0) }
        case (.float64, .float32): f64 = source.f32.map { Double($0) }
        }
    }
}
