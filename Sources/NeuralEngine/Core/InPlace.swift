/// In-place updates for optimizers, running statistics and initializers. They overwrite storage and
/// record no graph; call them on leaves (parameters, buffers), normally inside `noGrad`.
extension Tensor {
    /// Overwrites every element with `other`'s (same shape; converted to this dtype).
    public func assign(_ other: Tensor) {
        if other.shape != shape { ShapeError.mismatch("assign", shape, other.shape) }
        if dtype == .float32 { f32 = other.scalars } else { f64 = other.doubles }
    }

    /// Sets every element to `value`.
    public func fill(_ value: Double) {
        if dtype == .float32 { f32 = [Float](repeating: Float(value), count: f32.count) }
        else { f64 = [Double](repeating: value, count: f64.count) }
    }

    /// `self ← self + alpha · other` element-wise (same shape): the SGD step `p.addInPlace(g, alpha: -lr)`.
    public func addInPlace(_ other: Tensor, alpha: Double = 1) {
        if other.shape != shape { ShapeError.mismatch("addInPlace", shape, other.shape) }
        if other.dtype != dtype { fatalError(ShapeError.dtypeMessage("addInPlace", dtype, other.dtype)) }
        switch dtype {
        case .float32: Tensor.axpy(Float(alpha), other.f32, &f32)
        case .float64: Tensor.axpy(alpha, other.f64, &f64)
        }
    }

    /// `self ← factor · self` element-wise.
    public func scaleInPlace(_ factor: Double) {
        switch dtype {
        case .float32: Tensor.scale(Float(factor), &f32)
        case .float64: Tensor.scale(factor, &f64)
        }
    }

    /// `self ← decay · self + (1 − decay) · other` (exponential moving average, e.g. BatchNorm running
    /// statistics and Adam moments).
    public func lerpInPlace(_ other: Tensor, decay: Double) {
        scaleInPlace(decay)
        addInPlace(other, alpha: 1 - decay)
    }

    /// y ← y + a·x (`x` is passed by value, so `other === self` reads the old values).
    private static func axpy<T: TensorScalar>(_ a: T, _ x: [T], _ y: inout [T]) {
        x.withUnsafeBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                if let y0 = ys.baseAddress { ElementwiseKernels.axpy(a, xs.baseAddress!, y0, count: ys.count) }
            }
        }
    }

    private static func scale<T: TensorScalar>(_ s: T, _ y: inout [T]) {
        y.withUnsafeMutableBufferPointer { ys in
            if let y0 = ys.baseAddress { ElementwiseKernels.scale(s, y0, count: ys.count) }
        }
    }
}
