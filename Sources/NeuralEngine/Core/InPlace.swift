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
        case .float32: other.f32.withUnsafeBufferPointer { x in f32.withUnsafeMutableBufferPointer { y in
            if let y0 = y.baseAddress { ElementwiseKernels.axpy(Float(alpha), x.baseAddress!, y0, count: y.count) }
        } }
        case .float64: other.f64.withUnsafeBufferPointer { x in f64.withUnsafeMutableBufferPointer { y in
            if let y0 = y.baseAddress { ElementwiseKernels.axpy(alpha, x.baseAddress!, y0, count: y.count) }
        } }
        }
    }

    /// `self ← factor · self` element-wise.
    public func scaleInPlace(_ factor: Double) {
        switch dtype {
        case .float32: f32.withUnsafeMutableBufferPointer { y in
            if let y0 = y.baseAddress { ElementwiseKernels.scale(Float(factor), y0, count: y.count) }
        }
        case .float64: f64.withUnsafeMutableBufferPointer { y in
            if let y0 = y.baseAddress { ElementwiseKernels.scale(factor, y0, count: y.count) }
        }
        }
    }

    /// `self ← decay · self + (1 − decay) · other` (exponential moving average, e.g. BatchNorm running
    /// statistics and Adam moments).
    public func lerpInPlace(_ other: Tensor, decay: Double) {
        scaleInPlace(decay)
        addInPlace(other, alpha: 1 - decay)
    }
}
