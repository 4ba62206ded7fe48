import XCTest
@testable import NeuralEngine

/// Module tree, modes, hooks, Dropout and the activation recorder.
final class LayerModuleTests: XCTestCase {
    func testNestedParameterNamesAndModes() {
        final class Block: Module {
            let layers = Sequential([Linear(2, 3), Dropout(0.5), Linear(3, 1)])
            override var children: [(String, Module)] { [("layers", layers)] }
            override func forward(_ x: Tensor) -> Tensor { layers(x) }
        }
        let block = Block()
        XCTAssertEqual(block.namedParameters().map(\.0),
                       ["layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"])
        XCTAssertEqual(block.parameterCount, 2 * 3 + 3 + 3 + 1)
        block.eval()
        XCTAssertFalse(block.layers[1].training)
        block.train()
        XCTAssertTrue(block.layers[1].training)
        XCTAssertTrue(block.description.contains("(layers): Sequential("))
    }

    func testForwardHookSeesInputAndOutputAndCanBeRemoved() {
        let layer = Tanh()
        var seen: [(Double, Double)] = []
        let handle = layer.addForwardHook { _, input, output in seen.append((input.item(), output.item())) }
        _ = layer(Tensor([0.5], shape: [1], dtype: .float64))
        handle.remove()
        _ = layer(Tensor([1.0], shape: [1], dtype: .float64))
        XCTAssertEqual(seen.count, 1)
        XCTAssertEqual(seen[0].1, Foundation.tanh(0.5), accuracy: 1e-15)
    }

    func testDropoutIsInvertedInTrainingAndIdentityInEval() {
        let dropout = Dropout(0.25, generator: RandomGenerator(seed: 3))
        let x = Tensor.ones([100, 100], dtype: .float64)
        let y = dropout(x).doubles
        // Survivors are scaled by 1/(1 − p); the rest are 0.
        XCTAssertTrue(y.allSatisfy { $0 == 0 || Swift.abs($0 - 1 / 0.75) < 1e-12 })
        let kept = Double(y.filter { $0 != 0 }.count) / Double(y.count)
        // Binomial(10000, 0.75): std of the kept fraction is √(0.75·0.25/10000) ≈ 0.0043; allow 5σ.
        XCTAssertEqual(kept, 0.75, accuracy: 0.022)
        XCTAssertEqual(y.reduce(0, +) / Double(y.count), 1, accuracy: 0.03)
        dropout.eval()
        XCTAssertEqual(dropout(x).doubles, x.doubles)
    }

    func testActivationRecorderRecordsActivationsAndGradientsPerLayer() {
        let g = RandomGenerator(seed: 5)
        let model = Sequential([Linear(4, 6, dtype: .float64, generator: g), Tanh(),
                                Linear(6, 3, dtype: .float64, generator: g), Tanh()])
        let recorder = ActivationRecorder(model, where: { $0 is Tanh })
        let x = NNTest.randn([5, 4], seed: 6)
        let h1 = model[1](model[0](x))
        let out = model(x)
        XCTAssertEqual(recorder.records.map(\.name), ["1", "3"])
        XCTAssertEqual(recorder.activations[0].doubles, h1.doubles)
        XCTAssertEqual(recorder.activations[1].doubles, out.doubles)
        out.sum().backward()
        // d(sum out)/d(out) = 1 everywhere; the first Tanh's gradient is W₂ᵀ·(1 − out²) per row.
        XCTAssertEqual(recorder.gradients[1]!.doubles, [Double](repeating: 1, count: 15))
        let w2 = (model[2] as! Linear).weight
        let expected = matmul(Tensor.ones([5, 3], dtype: .float64) * (1 - out.detach().square()), w2.detach())
        NNTest.assertClose(recorder.gradients[0]!.doubles, expected.doubles, tolerance: 1e-12)
        // The same recorder on named modules of any model.
        let named = ActivationRecorder(modules: [("hidden", model[1]), ("out", model[3])])
        _ = model(x)
        XCTAssertEqual(named.records.map(\.name), ["hidden", "out"])
        XCTAssertEqual(named.records.map(\.layerType), ["Tanh", "Tanh"])
        named.remove()
        recorder.remove()
        recorder.clear()
        _ = model(x)
        XCTAssertTrue(recorder.records.isEmpty)
    }
}
