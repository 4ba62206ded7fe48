/// The per-element update formulas of the optimizers, generic over Float and Double and written as
/// plain loops over contiguous storage (specialised by whole-module optimisation).
enum UpdateRules {
    /// SGD as `torch.optim.SGD`: g ← g + λ·p; with momentum μ: b ← g on the first step, else
    /// b ← μ·b + (1 − dampening)·g; then g ← g + μ·b (Nesterov) or g ← b; finally p ← p − lr·g.
    static func sgd<T: TensorScalar>(_ p: inout [T], _ g: [T], _ buffer: inout [T], lr: T, momentum: T,
                                     dampening: T, nesterov: Bool, weightDecay: T, firstStep: Bool) {
        let n = p.count
        p.withUnsafeMutableBufferPointer { p in
            g.withUnsafeBufferPointer { g in
                buffer.withUnsafeMutableBufferPointer { b in
                    for i in 0..<n {
                        let d = g[i] + weightDecay * p[i]
                        b[i] = firstStep ? d : momentum * b[i] + (1 - dampening) * d
                        p[i] -= lr * (nesterov ? d + momentum * b[i] : b[i])
                    }
                }
            }
        }
    }

    /// SGD without momentum: p ← p − lr·(g + λ·p).
    static func sgd<T: TensorScalar>(_ p: inout [T], _ g: [T], lr: T, weightDecay: T) {
        let n = p.count
        p.withUnsafeMutableBufferPointer { p in
            g.withUnsafeBufferPointer { g in
                for i in 0..<n { p[i] -= lr * (g[i] + weightDecay * p[i]) }
            }
        }
    }

    /// Adam as `torch.optim.Adam` / `AdamW` (Kingma & Ba 2015; Loshchilov & Hutter 2019):
    /// decoupled decay p ← p·(1 − lr·λ_w) (AdamW), L2 decay g ← g + λ·p (Adam),
    /// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
    /// p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
    static func adam<T: TensorScalar>(_ p: inout [T], _ g: [T], _ m: inout [T], _ v: inout [T], lr: T,
                                      beta1: T, beta2: T, eps: T, weightDecay: T, decoupledDecay: T, step: Int) {
        let n = p.count
        let bias1 = 1 - T.powValue(beta1, T(step))
        let bias2Root = T.sqrtValue(1 - T.powValue(beta2, T(step)))
        let stepSize = lr / bias1
        let shrink = 1 - lr * decoupledDecay
        p.withUnsafeMutableBufferPointer { p in
            g.withUnsafeBufferPointer { g in
                m.withUnsafeMutableBufferPointer { m in
                    v.withUnsafeMutableBufferPointer { v in
                        for i in 0..<n {
                            p[i] *= shrink
                            let d = g[i] + weightDecay * p[i]
                            m[i] = beta1 * m[i] + (1 - beta1) * d
                            v[i] = beta2 * v[i] + (1 - beta2) * d * d
                            p[i] -= stepSize * m[i] / (T.sqrtValue(v[i]) / bias2Root + eps)
                        }
                    }
                }
            }
        }
    }
}
