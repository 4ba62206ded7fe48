import XCTest
@testable import NeuralEngine

/// Matmul, convolution and pooling: values against direct formulas, and gradient checks.
final class CoreMatmulConvTests: XCTestCase {
    func testMatmulValuesAndShapes() {
        let a = Tensor([[1, 2, 3], [4, 5, 6]], dtype: .float64)
        let b = Tensor([[1, 0], [0, 1], [2, -1]], dtype: .float64)
        XCTAssertEqual(matmul(a, b).doubles, [7, -1, 16, -1])
        XCTAssertEqual(a.matmul(Tensor([1, 1, 1], shape: [3], dtype: .float64)).doubles, [6, 15])
        XCTAssertEqual(matmul(Tensor([1, 1], shape: [2], dtype: .float64), a).doubles, [5, 7, 9])
        XCTAssertEqual(matmul(a, a, transposeB: true).doubles, [14, 32, 32, 77])
        XCTAssertEqual(matmul(a, a, transposeA: true).shape, [3, 3])
        let batched = matmul(CoreTestSupport.randn([4, 1, 2, 3], seed: 31), CoreTestSupport.randn([5, 3, 2], seed: 32))
        XCTAssertEqual(batched.shape, [4, 5, 2, 2])
        XCTAssertEqual(ShapeError.message("matmul", [3, 4], [5, 2], detail: "4 != 5"),
                       "matmul: shapes [3, 4] and [5, 2] do not match (4 != 5)")
    }

    func testMatmulGradients() {
        let a = CoreTestSupport.randn([3, 4], seed: 33), b = CoreTestSupport.randn([4, 5], seed: 34)
        assertGradients("matmul", inputs: [a, b]) { matmul($0[0], $0[1]) }
        assertGradients("matmul transposeA", inputs: [a, a]) { matmul($0[0], $0[1], transposeA: true) }
        assertGradients("matmul transposeB", inputs: [b, b]) { matmul($0[0], $0[1], transposeB: true) }
        assertGradients("matmul both", inputs: [a, b]) { matmul($0[1], $0[0], transposeA: true, transposeB: true) }
        let batchA = CoreTestSupport.randn([2, 1, 3, 4], seed: 35), batchB = CoreTestSupport.randn([3, 4, 2], seed: 36)
        assertGradients("batched broadcast", inputs: [batchA, batchB]) { matmul($0[0], $0[1]) }
        let v = CoreTestSupport.randn([4], seed: 37)
        assertGradients("matrix-vector", inputs: [a, v]) { matmul($0[0], $0[1]) }
        assertGradients("vector-matrix", inputs: [v, b]) { matmul($0[0], $0[1]) }
    }

    /// Direct evaluation of the convolution formula.
    func directConv(_ x: Tensor, _ w: Tensor, _ b: Tensor?, stride s: Int, padding p: Int) -> [Double] {
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, kh, kw) = (w.shape[0], w.shape[2], w.shape[3])
        let oh = (h + 2 * p - kh) / s + 1, ow = (wd + 2 * p - kw) / s + 1
        let xv = x.doubles, wv = w.doubles
        var out: [Double] = []
        for ni in 0..<n { for oi in 0..<o { for i in 0..<oh { for j in 0..<ow {
            var acc = b?.doubles[oi] ?? 0
            for ci in 0..<c { for u in 0..<kh { for v in 0..<kw {
                let y = i * s - p + u, z = j * s - p + v
                if y >= 0 && y < h && z >= 0 && z < wd {
                    acc += wv[((oi * c + ci) * kh + u) * kw + v] * xv[((ni * c + ci) * h + y) * wd + z]
                }
            } } }
            out.append(acc)
        } } } }
        return out
    }

    func testConv2dMatchesDirectFormula() {
        let x = CoreTestSupport.randn([2, 3, 6, 5], seed: 41)
        let w = CoreTestSupport.randn([4, 3, 3, 2], seed: 42), b = CoreTestSupport.randn([4], seed: 43)
        for (s, p) in [(1, 0), (1, 1), (2, 1), (3, 2)] {
            let y = conv2d(x, weight: w, bias: b, stride: s, padding: p)
            XCTAssertEqual(y.shape, [2, 4, (6 + 2 * p - 3) / s + 1, (5 + 2 * p - 2) / s + 1])
            assertClose(y.doubles, directConv(x, w, b, stride: s, padding: p), accuracy: 1e-12, "stride \(s) padding \(p)")
        }
        let xf = x.to(.float32), wf = w.to(.float32)
        assertClose(conv2d(xf, weight: wf, padding: 1).doubles, directConv(x, w, nil, stride: 1, padding: 1), accuracy: 1e-4)
    }

    func testConv2dGradients() {
        let x = CoreTestSupport.randn([2, 2, 5, 4], seed: 44)
        let w = CoreTestSupport.randn([3, 2, 3, 3], seed: 45), b = CoreTestSupport.randn([3], seed: 46)
        assertGradients("conv2d pad 1", inputs: [x, w, b]) { conv2d($0[0], weight: $0[1], bias: $0[2], padding: 1) }
        assertGradients("conv2d stride 2", inputs: [x, w]) { conv2d($0[0], weight: $0[1], stride: 2, padding: 1) }
    }

    /// The bias is fused into the convolution kernel; its output and gradients must equal the
    /// composite `conv2d(x, w) + b.reshape([1, O, 1, 1])` built from primitives.
    func testFusedConvBiasMatchesComposite() {
        let x = CoreTestSupport.randn([3, 2, 5, 4], seed: 48)
        let w = CoreTestSupport.randn([4, 2, 3, 3], seed: 49), b = CoreTestSupport.randn([4], seed: 50)
        let upstream = CoreTestSupport.randn([3, 4, 5, 4], seed: 51)
        func run(fused: Bool) -> [[Double]] {
            let (xs, ws, bs) = (x.detach().requiringGrad(), w.detach().requiringGrad(), b.detach().requiringGrad())
            let y = fused ? conv2d(xs, weight: ws, bias: bs, padding: 1)
                          : conv2d(xs, weight: ws, padding: 1) + bs.reshape([1, 4, 1, 1])
            (y * upstream).sum().backward()
            return [y.doubles, xs.grad!.doubles, ws.grad!.doubles, bs.grad!.doubles]
        }
        let fused = run(fused: true), composite = run(fused: false)
        for (name, (f, c)) in zip(["output", "dx", "dw", "db"], zip(fused, composite)) {
            assertClose(f, c, accuracy: 1e-12, name)
        }
        // Under no-grad no column matrix is kept and the result is the same.
        let inference = noGrad { conv2d(x, weight: w.detach().requiringGrad(), bias: b, padding: 1) }
        assertClose(inference.doubles, fused[0], accuracy: 0)
    }

    func testPooling() {
        let v = Tensor((0..<16).map { Double(($0 * 7) % 16) }, shape: [1, 1, 4, 4], dtype: .float64)
        // Rows: [0 7 14 5] [12 3 10 1] [8 15 6 13] [4 11 2 9].
        XCTAssertEqual(maxPool2d(v, kernel: 2).doubles, [12, 14, 15, 13])
        XCTAssertEqual(avgPool2d(v, kernel: 2).doubles, [5.5, 7.5, 9.5, 7.5])
        XCTAssertEqual(maxPool2d(v.to(.float32), kernel: 2).scalars, [12, 14, 15, 13])
        XCTAssertEqual(avgPool2d(v.to(.float32), kernel: 2).scalars, [5.5, 7.5, 9.5, 7.5])
        XCTAssertEqual(maxPool2d(v, kernel: 3, stride: 1).shape, [1, 1, 2, 2])
        let x = CoreTestSupport.randn([2, 3, 4, 5], seed: 47)
        assertGradients("maxPool2d", inputs: [x], tolerance: 1e-4) { maxPool2d($0[0], kernel: 2) }
        assertGradients("avgPool2d", inputs: [x]) { avgPool2d($0[0], kernel: 2, stride: 1) }
        assertGradients("globalAvgPool2d", inputs: [x]) { globalAvgPool2d($0[0]) }
        XCTAssertEqual(globalAvgPool2d(x).shape, [2, 3])
    }

    /// Padding as PyTorch: max pooling ignores it (−∞), average pooling counts zeros and divides by k².
    func testPoolingWithPadding() {
        // [[1 2 3] [4 5 6] [7 8 9]] with kernel 2, stride 2, padding 1: windows {1}, {2 3}, {4 7}, {5 6 8 9}.
        let v = Tensor((1...9).map(Double.init), shape: [1, 1, 3, 3], dtype: .float64)
        XCTAssertEqual(maxPool2d(v, kernel: 2, stride: 2, padding: 1).doubles, [1, 3, 7, 9])
        XCTAssertEqual(avgPool2d(v, kernel: 2, stride: 2, padding: 1).doubles, [0.25, 1.25, 2.75, 7])
        XCTAssertEqual(MaxPool2d(3, stride: 1, padding: 1)(v).shape, [1, 1, 3, 3])
        // Negative inputs: the padding must not win the maximum.
        XCTAssertEqual(maxPool2d(v * -1.0, kernel: 3, stride: 1, padding: 1).doubles[0], -1)
        let x = CoreTestSupport.randn([2, 2, 5, 4], seed: 54)
        assertGradients("maxPool2d padding", inputs: [x], tolerance: 1e-4) { maxPool2d($0[0], kernel: 3, stride: 2, padding: 1) }
        assertGradients("avgPool2d padding", inputs: [x]) { avgPool2d($0[0], kernel: 3, stride: 2, padding: 1) }
    }

    /// The fused global average pool equals the composite mean over (H, W), values and gradients.
    func testGlobalAvgPoolMatchesCompositeMean() {
        let x = CoreTestSupport.randn([3, 4, 5, 7], seed: 52), upstream = CoreTestSupport.randn([3, 4], seed: 53)
        func run(fused: Bool) -> ([Double], [Double]) {
            let xs = x.detach().requiringGrad()
            let y = fused ? globalAvgPool2d(xs) : xs.mean(axes: [2, 3])
            (y * upstream).sum().backward()
            return (y.doubles, xs.grad!.doubles)
        }
        let (fusedY, fusedGrad) = run(fused: true), (compositeY, compositeGrad) = run(fused: false)
        assertClose(fusedY, compositeY, accuracy: 1e-14, "output")
        assertClose(fusedGrad, compositeGrad, accuracy: 1e-14, "gradient")
        let xf = x.to(.float32)
        assertClose(globalAvgPool2d(xf).doubles, xf.mean(axes: [2, 3]).doubles, accuracy: 1e-6, "float32")
    }
}
