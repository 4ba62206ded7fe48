import Foundation

/// Small synthetic data sets with known structure, all seeded and float32.
extension Datasets {
    /// Interleaved spirals (CS231n, "Putting it together"): class k has points
    /// (r sin t, r cos t) with r = linspace(0, 1) and t = linspace(4k, 4(k + 1)) + N(0, noise²).
    public static func spiral(classes: Int = 3, pointsPerClass: Int = 100, noise: Double = 0.2,
                              generator: RandomGenerator = .global) -> Dataset {
        var xs: [Double] = [], labels: [Int] = []
        for k in 0..<classes {
            for i in 0..<pointsPerClass {
                let fraction = pointsPerClass == 1 ? 0 : Double(i) / Double(pointsPerClass - 1)
                let r = fraction
                let t = 4 * Double(k) + 4 * fraction + generator.normal(mean: 0, std: noise)
                xs += [r * sin(t), r * cos(t)]
                labels.append(k)
            }
        }
        return Dataset(features: Tensor(xs, shape: [labels.count, 2], dtype: .float32), labels: labels)
    }

    /// Two interleaving half circles (as scikit-learn's `make_moons`): label 0 on
    /// (cos θ, sin θ), label 1 on (1 − cos θ, 0.5 − sin θ), θ ∈ [0, π], plus N(0, noise²) per coordinate.
    public static func twoMoons(count: Int = 200, noise: Double = 0.1, generator: RandomGenerator = .global) -> Dataset {
        let outer = count / 2, inner = count - outer
        var xs: [Double] = [], labels: [Int] = []
        for i in 0..<outer {
            let theta = Double.pi * Double(i) / Double(Swift.max(outer - 1, 1))
            xs += [cos(theta), sin(theta)]
            labels.append(0)
        }
        for i in 0..<inner {
            let theta = Double.pi * Double(i) / Double(Swift.max(inner - 1, 1))
            xs += [1 - cos(theta), 0.5 - sin(theta)]
            labels.append(1)
        }
        xs = xs.map { $0 + generator.normal(mean: 0, std: noise) }
        return Dataset(features: Tensor(xs, shape: [count, 2], dtype: .float32), labels: labels)
    }

    /// Two concentric circles (as scikit-learn's `make_circles`): label 0 on the unit circle, label 1
    /// on the circle of radius `factor`, plus N(0, noise²) per coordinate. Not linearly separable.
    public static func circles(count: Int = 200, noise: Double = 0.05, factor: Double = 0.5,
                               generator: RandomGenerator = .global) -> Dataset {
        let outer = count / 2, inner = count - outer
        var xs: [Double] = [], labels: [Int] = []
        for (n, radius, label) in [(outer, 1.0, 0), (inner, factor, 1)] {
            for i in 0..<n {
                let theta = 2 * Double.pi * Double(i) / Double(n)
                xs += [radius * cos(theta), radius * sin(theta)]
                labels.append(label)
            }
        }
        xs = xs.map { $0 + generator.normal(mean: 0, std: noise) }
        return Dataset(features: Tensor(xs, shape: [count, 2], dtype: .float32), labels: labels)
    }

    /// Isotropic Gaussian clusters: class k has `pointsPerClass` points drawn from N(centers[k], std²·I).
    public static func gaussianBlobs(centers: [[Double]], pointsPerClass: Int = 100, std: Double = 1,
                                     generator: RandomGenerator = .global) -> Dataset {
        guard let dims = centers.first?.count, centers.allSatisfy({ $0.count == dims }) else {
            fatalError("gaussianBlobs: centers must be non-empty and of equal dimension")
        }
        var xs: [Double] = [], labels: [Int] = []
        for (k, center) in centers.enumerated() {
            for _ in 0..<pointsPerClass {
                for d in 0..<dims { xs.append(center[d] + generator.normal(mean: 0, std: std)) }
                labels.append(k)
            }
        }
        return Dataset(features: Tensor(xs, shape: [labels.count, dims], dtype: .float32), labels: labels)
    }

    /// The four XOR points (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0: the classic problem a linear model cannot solve.
    public static func xor() -> Dataset {
        Dataset(features: Tensor([[0, 0], [0, 1], [1, 0], [1, 1]]), labels: [0, 1, 1, 0])
    }

    /// Polynomial regression as in Dive into Deep Learning §3.6 (under/overfitting): x ~ N(0, 1),
    /// y = Σᵢ coefficients[i] · xⁱ / i! + N(0, noise²). Features are the scaled powers
    /// `[x⁰/0!, x¹/1!, ..., x^(degree−1)/(degree−1)!]` (`[count, degree]`); slice the first columns
    /// to fit a lower-degree model. Targets `[count, 1]`.
    public static func noisyPolynomial(count: Int = 100, coefficients: [Double] = [5, 1.2, -3.4, 5.6],
                                       degree: Int = 20, noise: Double = 0.1,
                                       generator: RandomGenerator = .global) -> Dataset {
        if degree < coefficients.count { fatalError("noisyPolynomial: degree \(degree) < \(coefficients.count) coefficients") }
        var features: [Double] = [], targets: [Double] = []
        for _ in 0..<count {
            let x = generator.normal(mean: 0, std: 1)
            var term = 1.0  // xⁱ / i!, built incrementally to avoid overflowing factorials
            var y = 0.0
            for i in 0..<degree {
                if i > 0 { term *= x / Double(i) }
                features.append(term)
                if i < coefficients.count { y += coefficients[i] * term }
            }
            targets.append(y + generator.normal(mean: 0, std: noise))
        }
        return Dataset(features: Tensor(features, shape: [count, degree], dtype: .float32),
                       targets: Tensor(targets, shape: [count, 1], dtype: .float32))
    }

    /// High-dimensional linear regression (Dive into Deep Learning §3.7, weight decay):
    /// x ~ N(0, I) in `inputs` dimensions, y = 0.05 + Σᵢ 0.01·xᵢ + N(0, noise²). With few examples and
    /// many inputs an unregularized model overfits. Targets `[count, 1]`.
    public static func highDimensionalLinear(count: Int = 20, inputs: Int = 200, noise: Double = 0.01,
                                             generator: RandomGenerator = .global) -> Dataset {
        var features: [Double] = [], targets: [Double] = []
        for _ in 0..<count {
            var y = 0.05
            for _ in 0..<inputs {
                let x = generator.normal(mean: 0, std: 1)
                features.append(x)
                y += 0.01 * x
            }
            targets.append(y + generator.normal(mean: 0, std: noise))
        }
        return Dataset(features: Tensor(features, shape: [count, inputs], dtype: .float32),
                       targets: Tensor(targets, shape: [count, 1], dtype: .float32))
    }
}
