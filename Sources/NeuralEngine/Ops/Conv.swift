/// 2-D convolution (cross-correlation, as every deep-learning framework), via im2col + GEMM.
///
/// `y[n, o, i, j] = Σ_{c, p, q} w[o, c, p, q] · x[n, c, i·s − pad + p, j·s − pad + q] + b[o]`, zero padding.
/// Input `[N, C, H, W]`, weight `[O, C, kh, kw]`, bias `[O]`; output `[N, O, outH, outW]` with
/// `outH = (H + 2·pad − kh) / s + 1` (floor). Gradients: dW = G · colsᵀ, dx = col2im(Wᵀ · G), db = Σ G. The bias is fused into
/// the kernel (see `ConvKernel`); a test compares it with the composite `conv2d(x, w) + b`.
public func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0) -> Tensor {
    if x.rank != 4 || weight.rank != 4 || x.shape[1] != weight.shape[1] {
        ShapeError.mismatch("conv2d", x.shape, weight.shape,
                            detail: "expected input [N, C, H, W] and weight [O, C, kh, kw] with equal C")
    }
    if x.dtype != weight.dtype { fatalError(ShapeError.dtypeMessage("conv2d", x.dtype, weight.dtype)) }
    let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (o, kh, kw) = (weight.shape[0], weight.shape[2], weight.shape[3])
    if h + 2 * padding < kh || w + 2 * padding < kw || stride < 1 || padding < 0 {
        ShapeError.mismatch("conv2d", x.shape, weight.shape, detail: "kernel larger than padded input, or bad stride \(stride) / padding \(padding)")
    }
    let g = Im2Col.Geometry(channels: c, height: h, width: w, kernelHeight: kh, kernelWidth: kw, stride: stride, padding: padding)
    let outShape = [n, o, g.outputHeight, g.outputWidth]
    if let bias {
        if bias.shape != [o] { ShapeError.mismatch("conv2d bias", [o], bias.shape) }
        if bias.dtype != x.dtype { fatalError(ShapeError.dtypeMessage("conv2d bias", x.dtype, bias.dtype)) }
    }
    // The forward's column matrix is kept for the weight gradient only when a graph is recorded.
    let keepColumns = NoGrad.isRecording && weight.requiresGrad
    let y: Tensor
    var saved32: [Float]?, saved64: [Double]?
    switch x.dtype {
    case .float32:
        let r = ConvKernel.forward(x.f32, weight.f32, bias: bias?.f32, batch: n, outChannels: o, g, keepColumns: keepColumns)
        y = Tensor(shape: outShape, f32: r.y)
        saved32 = r.columns
    case .float64:
        let r = ConvKernel.forward(x.f64, weight.f64, bias: bias?.f64, batch: n, outChannels: o, g, keepColumns: keepColumns)
        y = Tensor(shape: outShape, f64: r.y)
        saved64 = r.columns
    }
    let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
    let needBias = bias?.requiresGrad ?? false
    return Tensor.record("conv2d", inputs: inputs, output: y) { grad in
        switch x.dtype {
        case .float32:
            let r = ConvKernel.backward(x.f32, savedColumns: saved32, weight.f32, grad.f32, batch: n, outChannels: o, g,
                                        needInput: x.requiresGrad, needWeight: weight.requiresGrad, needBias: needBias)
            return [r.dx.map { Tensor(shape: x.shape, f32: $0) }, r.dw.map { Tensor(shape: weight.shape, f32: $0) },
                    r.db.map { Tensor(shape: [o], f32: $0) }]
        case .float64:
            let r = ConvKernel.backward(x.f64, savedColumns: saved64, weight.f64, grad.f64, batch: n, outChannels: o, g,
                                        needInput: x.requiresGrad, needWeight: weight.requiresGrad, needBias: needBias)
            return [r.dx.map { Tensor(shape: x.shape, f64: $0) }, r.dw.map { Tensor(shape: weight.shape, f64: $0) },
                    r.db.map { Tensor(shape: [o], f64: $0) }]
        }
    }
}
