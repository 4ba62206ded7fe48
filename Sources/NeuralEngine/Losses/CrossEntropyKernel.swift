import Foundation

/// Fused softmax cross-entropy: one graph node instead of the ~9 of the composite
/// `−(logSoftmax(z) · onehot(y)).sum() / N`, which dominates the per-step overhead of small models.
///
/// Forward, per row i (stable log-sum-exp, m = max z): Lᵢ = m + ln Σⱼ e^(zᵢⱼ − m) − zᵢ,yᵢ; L = mean Lᵢ.
/// Backward: ∂L/∂zᵢⱼ = (softmax(zᵢ)ⱼ − [j = yᵢ]) / N, times the incoming gradient.
/// `NNLossTests` compare value and gradient with the composite.
enum CrossEntropyKernel {
    static func apply(_ logits: Tensor, _ labels: [Int]) -> Tensor {
        let (n, c) = (logits.shape[0], logits.shape[1])
        for (i, y) in labels.enumerated() where y < 0 || y >= c {
            fatalError("crossEntropy: label \(y) at row \(i) is outside 0..<\(c)")
        }
        switch logits.dtype {
        case .float32: return run(Float.self, logits, labels, n, c)
        case .float64: return run(Double.self, logits, labels, n, c)
        }
    }

    private static func run<T: TensorScalar>(_: T.Type, _ logits: Tensor, _ labels: [Int], _ n: Int, _ c: Int) -> Tensor {
        var probabilities = [T](repeating: 0, count: n * c)
        var total = 0.0
        logits.storage(T.self).withUnsafeBufferPointer { z in
            probabilities.withUnsafeMutableBufferPointer { p in
                for i in 0..<n {
                    let row = i * c
                    var m = z[row]
                    for j in 1..<c where z[row + j] > m { m = z[row + j] }
                    var sum = 0.0
                    for j in 0..<c {
                        let e = T.expValue(z[row + j] - m)
                        p[row + j] = e
                        sum += Double(e)
                    }
                    let inv = T(1 / sum)
                    for j in 0..<c { p[row + j] *= inv }
                    total += Double(m) + Foundation.log(sum) - Double(z[row + labels[i]])
                }
            }
        }
        let out = Tensor.make([T(total / Double(n))], shape: [])
        return Tensor.record("crossEntropy", inputs: [logits], output: out) { g in
            let scale = T(g.item() / Double(n))
            var grad = probabilities
            grad.withUnsafeMutableBufferPointer { d in
                for i in 0..<n {
                    d[i * c + labels[i]] -= 1
                    for j in 0..<c { d[i * c + j] *= scale }
                }
            }
            return [Tensor.make(grad, shape: [n, c])]
        }
    }
}
