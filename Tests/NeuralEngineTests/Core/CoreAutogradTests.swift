import XCTest
@testable import NeuralEngine

/// Graph mechanics: accumulation, zeroing, no-grad, detach, hooks, anomaly messages.
final class CoreAutogradTests: XCTestCase {
    func testGradientsAccumulateAcrossBackwardCalls() {
        let w = Tensor([2, -1], shape: [2], dtype: .float64).requiringGrad()
        (w * w).sum().backward()
        XCTAssertEqual(w.grad?.doubles, [4, -2])
        (w * 3.0).sum().backward()
        XCTAssertEqual(w.grad?.doubles, [7, 1])
        w.zeroGrad()
        XCTAssertNil(w.grad)
    }

    func testSharedSubexpressionSumsAllPaths() {
        // y = a·b + a; dy/da = b + 1 through two paths (the multivariate chain rule).
        let a = Tensor(3, dtype: .float64).requiringGrad(), b = Tensor(4, dtype: .float64).requiringGrad()
        let c = a * b
        let y = c + a + c
        y.backward()
        XCTAssertEqual(a.grad?.item(), 9)
        XCTAssertEqual(b.grad?.item(), 6)
        XCTAssertNil(c.grad)   // non-leaf gradients are not kept unless asked
    }

    func testGraphActivationBytesCountsEveryHeldTensorOnce() {
        // s = sum(x·w): the graph holds x [5, 4] (an input), y = x·w [5, 3] and s [1], all float32;
        // the parameter w is not counted. 4·(20 + 15 + 1) = 144 bytes.
        let w = Tensor.ones([4, 3]).requiringGrad()
        let x = Tensor.ones([5, 4])
        let y = matmul(x, w)
        let s = (y + y).sum()   // y is used twice but held once; y + y adds a [5, 3] node
        XCTAssertEqual(s.graphActivationBytes, 4 * (20 + 15 + 15 + 1))
        XCTAssertEqual(noGrad { matmul(x, w).sum() }.graphActivationBytes, 0)
        XCTAssertEqual(w.graphActivationBytes, 0)
    }

    func testNoGradAndDetach() {
        let w = Tensor.ones([3], dtype: .float64).requiringGrad()
        let y = noGrad { w * 2.0 }
        XCTAssertFalse(y.requiresGrad)
        XCTAssertTrue(withNoGrad { NoGrad.isEnabled })
        XCTAssertFalse(NoGrad.isEnabled)
        XCTAssertFalse((w * 2.0).detach().requiresGrad)
        let z = (w.detach() * w).sum()
        z.backward()
        XCTAssertEqual(w.grad?.doubles, [1, 1, 1])
    }

    func testHooksAndRetainGrad() {
        let x = Tensor([1, 2], shape: [2], dtype: .float64).requiringGrad()
        let h = x * 3.0
        h.retainGrad()
        var seen: [Double] = []
        h.onGradient { seen = $0.doubles }
        h.square().sum().backward()
        XCTAssertEqual(seen, [6, 12])
        XCTAssertEqual(h.grad?.doubles, [6, 12])
        XCTAssertEqual(x.grad?.doubles, [18, 36])
        XCTAssertEqual(h.opName, "mul")
    }

    func testNonScalarBackwardTakesSeed() {
        let x = Tensor([1, 2, 3], shape: [3], dtype: .float64).requiringGrad()
        (x * x).backward(Tensor([1, 0, 2], shape: [3], dtype: .float64))
        XCTAssertEqual(x.grad?.doubles, [2, 0, 12])
    }

    func testDeepChainDoesNotOverflowTheStack() {
        let x = Tensor(1, dtype: .float64).requiringGrad()
        var y = x
        for _ in 0..<20_000 { y = y * 1.0 }
        y.backward()
        XCTAssertEqual(x.grad?.item(), 1)
    }

    func testAnomalyMessageNamesOpAndShapes() {
        let text = Anomaly.message(op: "log", inputShapes: [[2, 3]], outputShape: [2, 3], value: -.infinity, index: 4)
        XCTAssertEqual(text, "Anomaly: log (forward) produced -inf at flat index 4 of output [2, 3]; input shapes [2, 3]")
        XCTAssertEqual(Anomaly.firstNonFinite(Tensor([1, .nan, 2], shape: [3]))?.index, 1)
        XCTAssertNil(Anomaly.firstNonFinite(Tensor([1, 2], shape: [2])))
        // With detection on, finite results pass through.
        let ok = withAnomalyDetection { Tensor([1, 2], shape: [2]).log() }
        XCTAssertEqual(ok.count, 2)
        XCTAssertFalse(Anomaly.detection)
    }

    func testShapeErrorMessages() {
        XCTAssertEqual(ShapeError.message("add", [2, 3], [4]), "add: shapes [2, 3] and [4] do not match")
        XCTAssertEqual(ShapeError.axisMessage("sum", axis: 3, shape: [2, 3]), "sum: axis 3 is out of range for shape [2, 3] (rank 2)")
        XCTAssertEqual(Shape.broadcast([2, 1, 4], [3, 1], op: "add"), [2, 3, 4])
        XCTAssertEqual(Shape.broadcast([], [5], op: "add"), [5])
    }

    func testInPlaceUpdates() {
        let p = Tensor([1, 2], shape: [2], dtype: .float64)
        p.addInPlace(Tensor([10, 20], shape: [2], dtype: .float64), alpha: -0.1)
        XCTAssertEqual(p.doubles, [0, 0])
        p.fill(2)
        p.scaleInPlace(3)
        XCTAssertEqual(p.doubles, [6, 6])
        p.lerpInPlace(Tensor([0, 10], shape: [2], dtype: .float64), decay: 0.5)
        XCTAssertEqual(p.doubles, [3, 8])
        p.assign(Tensor([5, 5], shape: [2], dtype: .float32))
        XCTAssertEqual(p.doubles, [5, 5])
    }
}

/// Gradient tensors of different leaves are independent objects.
final class CoreGradientIsolationTests: XCTestCase {
    func testInPlaceEditOfOneGradDoesNotLeakIntoAnother() {
        let a = Tensor([1, 2], shape: [2], dtype: .float64).requiringGrad()
        let b = Tensor([3, 4], shape: [2], dtype: .float64).requiringGrad()
        (a + b).sum().backward()
        a.grad!.scaleInPlace(10)
        XCTAssertEqual(a.grad?.doubles, [10, 10])
        XCTAssertEqual(b.grad?.doubles, [1, 1])
    }
}

/// The gradient checker itself must catch a wrong backward.
final class CoreGradientCheckTests: XCTestCase {
    func testCheckerFlagsAWrongDerivative() {
        // x³ with a deliberately wrong derivative 2x² (the right one is 3x²).
        func wrongCube(_ x: Tensor) -> Tensor {
            let y = x.map({ $0 * $0 * $0 }, { $0 * $0 * $0 })
            return Tensor.record("wrongCube", inputs: [x], output: y) { g in [g * x.square() * 2.0] }
        }
        let x = CoreTestSupport.randn([5], seed: 77)
        let result = GradientCheck.check({ wrongCube($0[0]) }, inputs: [x])
        XCTAssertGreaterThan(result.maxRelativeError, 0.1)
        XCTAssertFalse(result.passes())
        let right = GradientCheck.check({ $0[0].pow(3) }, inputs: [x])
        XCTAssertTrue(right.passes(relative: 1e-7))
        XCTAssertEqual(right.relativeErrors.count, 1)
    }

    func testAbsoluteToleranceCoversZeroGradients() {
        // z = x + b, then centring z − mean(z) (what BatchNorm does): the output does not depend on b
        // at all, so ∂/∂b is exactly 0 and only round-off remains in both estimates.
        let x = CoreTestSupport.randn([6], seed: 78), b = CoreTestSupport.randn([1], seed: 79)
        let r = GradientCheck.check({ z in let s = z[0] + z[1]; return s - s.mean() }, inputs: [x, b])
        XCTAssertLessThan(r.absoluteErrors[1], 1e-8)
        XCTAssertLessThan(r.relativeErrors[0], 1e-7)
        XCTAssertTrue(r.passes(relative: 1e-7, absolute: 1e-8), "\(r)")
    }
}
