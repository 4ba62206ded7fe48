/// Reverse-mode differentiation over the recorded graph.
extension Tensor {
    /// Computes the gradient of this tensor with respect to every tensor in its graph that requires
    /// gradients, and adds it to their ``grad`` (gradients accumulate across calls, as in PyTorch).
    ///
    /// Algorithm (micrograd): order the graph topologically with a depth-first search, then visit it
    /// in reverse, so each node's gradient is complete (summed over all its uses — the multivariate
    /// chain rule) before it is pushed to its parents.
    /// - Parameter seed: gradient of some scalar loss with respect to this tensor; defaults to 1 for a
    ///   one-element tensor (it must be given for others).
    public func backward(_ seed: Tensor? = nil) {
        if !requiresGrad { fatalError("backward: tensor \(ShapeError.describe(shape)) does not require grad (no recorded graph)") }
        let start: Tensor
        if let seed {
            if seed.shape != shape { ShapeError.mismatch("backward seed", shape, seed.shape) }
            start = seed.dtype == dtype ? seed.detach() : seed.detach().to(dtype)
        } else {
            if count != 1 { fatalError("backward: a seed is required for a non-scalar tensor of shape \(ShapeError.describe(shape))") }
            start = Tensor.ones(shape, dtype: dtype)
        }
        let order = topologicalOrder()
        var grads: [ObjectIdentifier: Tensor] = [ObjectIdentifier(self): start]
        noGrad {
            for node in order.reversed() {
                guard let g = grads.removeValue(forKey: ObjectIdentifier(node)) else { continue }
                for hook in node.gradientHooks { hook(g) }
                if node.isLeaf || node.retainsGrad {
                    // A fresh object: one gradient tensor may feed several parents (e.g. through `add`),
                    // and in-place edits of one `.grad` (clipping) must not reach another.
                    node.grad = node.grad.map { $0 + g } ?? g.detach()
                }
                guard let fn = node.backwardFn else { continue }
                let parentGrads = fn(g)
                for (parent, pg) in Swift.zip(node.parents, parentGrads) {
                    guard parent.requiresGrad, let pg else { continue }
                    if pg.shape != parent.shape {
                        fatalError("internal: backward of \(node.opName ?? "?") gave \(ShapeError.describe(pg.shape)) for input \(ShapeError.describe(parent.shape))")
                    }
                    Anomaly.check(op: node.opName ?? "op", inputs: [g], output: pg, phase: "backward")
                    let key = ObjectIdentifier(parent)
                    grads[key] = grads[key].map { $0 + pg } ?? pg
                }
            }
        }
    }

    /// Nodes reachable from this tensor through tensors that require grad, parents before children.
    /// Iterative depth-first search, so deep graphs do not overflow the stack.
    func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(Tensor, Int)] = [(self, 0)]
        visited.insert(ObjectIdentifier(self))
        while let (node, next) = stack.popLast() {
            if next < node.parents.count {
                stack.append((node, next + 1))
                let parent = node.parents[next]
                if parent.requiresGrad && visited.insert(ObjectIdentifier(parent)).inserted {
                    stack.append((parent, 0))
                }
            } else {
                order.append(node)
            }
        }
        return order
    }
}
