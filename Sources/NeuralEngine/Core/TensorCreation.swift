/// Creation functions, as in NumPy / PyTorch (`zeros`, `ones`, `full`, `arange`, `linspace`, `eye`).
extension Tensor {
    /// A tensor of `shape` with every element equal to `value`.
    public static func full(_ shape: [Int], value: Double, dtype: DType = .float32) -> Tensor {
        for d in shape where d < 0 { fatalError("full: negative size in shape \(ShapeError.describe(shape))") }
        let n = Shape.count(shape)
        switch dtype {
        case .float32: return Tensor(shape: shape, f32: [Float](repeating: Float(value), count: n))
        case .float64: return Tensor(shape: shape, f64: [Double](repeating: value, count: n))
        }
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int], dtype: DType = .float32) -> Tensor { full(shape, value: 0, dtype: dtype) }

    /// A tensor of ones.
    public static func ones(_ shape: [Int], dtype: DType = .float32) -> Tensor { full(shape, value: 1, dtype: dtype) }

    /// Zeros with the shape and dtype of `other`.
    public static func zeros(like other: Tensor) -> Tensor { zeros(other.shape, dtype: other.dtype) }

    /// Ones with the shape and dtype of `other`.
    public static func ones(like other: Tensor) -> Tensor { ones(other.shape, dtype: other.dtype) }

    /// Values `start, start + step, ...` strictly below `end` (strictly above for negative steps).
    public static func arange(_ start: Double, _ end: Double, step: Double = 1, dtype: DType = .float32) -> Tensor {
        if step == 0 { fatalError("arange: step must not be zero") }
        let n = Swift.max(0, Int(((end - start) / step).rounded(.up)))
        return Tensor((0..<n).map { start + Double($0) * step }, shape: [n], dtype: dtype)
    }

    /// `count` evenly spaced values from `start` to `end` inclusive.
    public static func linspace(_ start: Double, _ end: Double, count: Int, dtype: DType = .float32) -> Tensor {
        if count < 0 { fatalError("linspace: count must be non-negative, got \(count)") }
        if count == 1 { return Tensor([start], shape: [1], dtype: dtype) }
        let step = count > 1 ? (end - start) / Double(count - 1) : 0
        return Tensor((0..<count).map { $0 == count - 1 ? end : start + Double($0) * step }, shape: [count], dtype: dtype)
    }

    /// The n×n identity matrix.
    public static func eye(_ n: Int, dtype: DType = .float32) -> Tensor {
        var values = [Double](repeating: 0, count: n * n)
        for i in 0..<n { values[i * n + i] = 1 }
        return Tensor(values, shape: [n, n], dtype: dtype)
    }

    /// Samples from N(mean, std²), drawn in row-major order from `generator`.
    public static func randn(_ shape: [Int], mean: Double = 0, std: Double = 1, dtype: DType = .float32,
                             generator: RandomGenerator = .global) -> Tensor {
        let n = Shape.count(shape)
        var values = [Double](repeating: 0, count: n)
        for i in 0..<n { values[i] = generator.normal(mean: mean, std: std) }
        return Tensor(values, shape: shape, dtype: dtype)
    }

    /// Samples from the uniform distribution on [low, high).
    public static func rand(_ shape: [Int], low: Double = 0, high: Double = 1, dtype: DType = .float32,
                            generator: RandomGenerator = .global) -> Tensor {
        let n = Shape.count(shape)
        var values = [Double](repeating: 0, count: n)
        for i in 0..<n { values[i] = low + (high - low) * generator.nextDouble() }
        return Tensor(values, shape: shape, dtype: dtype)
    }

    /// Bernoulli samples: 1 with probability `p`, else 0 (dropout masks).
    public static func bernoulli(_ shape: [Int], p: Double, dtype: DType = .float32,
                                 generator: RandomGenerator = .global) -> Tensor {
        if !(0...1).contains(p) { fatalError("bernoulli: p must be in [0, 1], got \(p)") }
        let n = Shape.count(shape)
        var values = [Double](repeating: 0, count: n)
        for i in 0..<n { values[i] = generator.nextDouble() < p ? 1 : 0 }
        return Tensor(values, shape: shape, dtype: dtype)
    }
}
