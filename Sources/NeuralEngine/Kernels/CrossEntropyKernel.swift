import Foundation

/// The loops of the fused softmax cross-entropy over `[N, C]` row-major logits (see
/// `softmaxCrossEntropy` in Ops/CrossEntropy.swift for the formulas).
enum CrossEntropyKernel {
    /// Row-wise softmax probabilities and the summed loss Σᵢ (mᵢ + ln Σⱼ e^(zᵢⱼ − mᵢ) − zᵢ,yᵢ), with
    /// mᵢ = max zᵢ (stable log-sum-exp), accumulated in Double row by row.
    static func forward<T: TensorScalar>(_ logits: [T], _ labels: [Int], n: Int, c: Int) -> (probabilities: [T], total: Double) {
        var probabilities = [T](repeating: 0, count: n * c)
        var total = 0.0
        logits.withUnsafeBufferPointer { z in
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
        return (probabilities, total)
    }

    /// ∂L/∂zᵢⱼ = (pᵢⱼ − [j = yᵢ]) · scale, from the forward pass's probabilities.
    static func backward<T: TensorScalar>(_ probabilities: [T], _ labels: [Int], n: Int, c: Int, scale: T) -> [T] {
        var grad = probabilities
        grad.withUnsafeMutableBufferPointer { d in
            for i in 0..<n {
                d[i * c + labels[i]] -= 1
                for j in 0..<c { d[i * c + j] *= scale }
            }
        }
        return grad
    }
}
