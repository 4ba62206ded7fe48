import NeuralEngine

/// `gemm-1024`: C = A·B with A, B 1024×1024 Float32 (2·1024³ floating-point operations).
enum GEMMWorkload {
    static func make(size: Int = 1024) -> Workload {
        Workload(name: "gemm-\(size)", summary: "C = A·B, \(size)x\(size) Float32", warmups: 3, repetitions: 15,
                 flops: 2 * Double(size) * Double(size) * Double(size)) {
            let generator = RandomGenerator(seed: 1)
            let a = (0..<(size * size)).map { _ in Float(generator.normal()) }
            let b = (0..<(size * size)).map { _ in Float(generator.normal()) }
            let c = UnsafeMutablePointer<Float>.allocate(capacity: size * size)
            c.initialize(repeating: 0, count: size * size)
            // The buffers live as long as the returned closure; the process exits after the run.
            return {
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        GEMM.sgemm(transA: false, transB: false, m: size, n: size, k: size, alpha: 1,
                                   a: pa.baseAddress!, lda: size, b: pb.baseAddress!, ldb: size, beta: 0,
                                   c: c, ldc: size)
                    }
                }
            }
        }
    }
}
