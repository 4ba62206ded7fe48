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

    /// Copies the values of `state` into this module's parameters and buffers, in place (`Tensor.assign`).
    /// Traps naming the key when a name is missing or a shape differs (a programmer error).
    public func loadStateDict(_ state: [String: Tensor]) {
        for (name, t) in namedParameters() + namedBuffers() {
            guard let source = state[name] else { fatalError("loadStateDict: no value for \(name)") }
            t.assign(source)
        }
    }
}
