import NeuralEngine

/// `im2col-*`: the matrix products a convolution makes per image (im2col + GEMM, see the engine's
/// `ConvKernel`), for a whole batch of images run in parallel over images as the convolution does:
///
///     forward  y_n = W[O, K] · cols_n[K, L]
///     weight   dWᵀ_n = cols_n[K, L] · g_nᵀ      (g_n = ∂L/∂y_n is [O, L]: B transposed)
///     input    dcols_n = Wᵀ · g_n               (A transposed)
///
/// with K = C·k·k, L = outH·outW, for the two convolutions of `cnn-fmnist-step` (batch 128) and of
/// `cnn-bn-step` (batch 32). These are short, tall or skinny products, unlike `gemm-1024`; the PyTorch
/// reference times the same batched products with `torch.matmul`.
enum ConvGEMMWorkload {
    enum Product: String { case forward, weight, input }

    struct Shape {
        let name: String
        let batch: Int, outChannels: Int, columnRows: Int, columns: Int
        let product: Product
        /// (m, n, k, transA, transB) of the per-image product.
        var gemm: (m: Int, n: Int, k: Int, transA: Bool, transB: Bool) {
            switch product {
            case .forward: return (outChannels, columns, columnRows, false, false)
            case .weight: return (columnRows, outChannels, columns, false, true)
            case .input: return (columnRows, columns, outChannels, true, false)
            }
        }
    }

    /// (prefix, batch, O, K, L) of each convolution.
    static let convolutions = [
        ("im2col-fmnist-conv1", 128, 32, 9, 784), ("im2col-fmnist-conv2", 128, 64, 288, 196),
        ("im2col-bn-conv1", 32, 16, 9, 64), ("im2col-bn-conv2", 32, 32, 144, 64),
    ]

    static var shapes: [Shape] {
        convolutions.flatMap { prefix, batch, o, k, l in
            // The first convolution's input gradient is never needed (the network input needs none).
            let products: [Product] = prefix.hasSuffix("conv1") ? [.forward, .weight] : [.forward, .weight, .input]
            return products.map { Shape(name: "\(prefix)-\($0.rawValue)", batch: batch, outChannels: o, columnRows: k, columns: l, product: $0) }
        }
    }

    static var all: [Workload] { shapes.map(make) }

    static func make(_ shape: Shape) -> Workload {
        let (m, n, k, transA, transB) = shape.gemm
        return Workload(name: shape.name, summary: "\(shape.batch) x (\(m)x\(k) · \(k)x\(n))", warmups: 5, repetitions: 31,
                        flops: 2 * Double(shape.batch * m * n * k)) {
            let generator = RandomGenerator(seed: 7)
            // The weight (A of forward and input products) is shared by all images; the rest is per image.
            let aShared = shape.product != .weight
            let aCount = m * k * (aShared ? 1 : shape.batch), bCount = k * n * shape.batch
            let a = (0..<aCount).map { _ in Float(generator.normal()) }
            let b = (0..<bCount).map { _ in Float(generator.normal()) }
            let c = UnsafeMutablePointer<Float>.allocate(capacity: m * n * shape.batch)
            c.initialize(repeating: 0, count: m * n * shape.batch)
            let lda = transA ? m : k, ldb = transB ? k : n
            return {
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        Parallel.forEachChunk(shape.batch, minChunk: 1) { images in
                            for image in images {
                                GEMM.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 1,
                                           a: pa.baseAddress! + (aShared ? 0 : image * m * k), lda: lda,
                                           b: pb.baseAddress! + image * k * n, ldb: ldb, beta: 0,
                                           c: c + image * m * n, ldc: n)
                            }
                        }
                    }
                }
            }
        }
    }
}
