import NeuralEngine

/// One training step of a `Sequential` classifier (cross-entropy, SGD lr 0.05, momentum 0.9), shared by
/// the CNN workloads, and its per-phase profile for `bench --phases`.
final class SequentialStep {
    let model: Sequential
    let optimizer: SGD
    let input: Tensor
    let labels: [Int]

    init(model: Sequential, input: Tensor, labels: [Int]) {
        self.model = model
        self.optimizer = SGD(model.parameters(), learningRate: 0.05, momentum: 0.9)
        self.input = input
        self.labels = labels
    }

    /// The timed body: zero the gradients, forward, backward, update.
    func run() {
        optimizer.zeroGrad()
        let loss = crossEntropy(logits: model(input), labels: labels)
        loss.backward()
        optimizer.step()
    }

    /// Floating-point operations of one step: every layer's forward and backward (see `PhaseCost`).
    var stepFlops: Double {
        PhaseCost.layers(model, input: input).reduce(0) { $0 + ($1.forward.flops ?? 0) + ($1.backward.flops ?? 0) }
    }

    /// Times each phase of `repetitions` steps (after `warmups` untimed ones): every layer's forward (the
    /// layers called one by one), the loss, every layer's backward (between the gradient hooks of
    /// consecutive layer outputs: the time from the moment the output gradient of layer i is complete
    /// to the moment layer i's input gradient is), and the optimizer update. Returns the phases in
    /// execution order with their median seconds.
    func profile(warmups: Int, repetitions: Int) -> [(phase: Phase, seconds: Double)] {
        let costs = PhaseCost.layers(model, input: input)
        let layers = model.layers
        var phases: [Phase] = []
        for (i, layer) in layers.enumerated() {
            phases.append(Phase(name: "forward \(costs[i].label)", cost: costs[i].forward, module: layer))
        }
        phases.append(Phase(name: "forward loss", cost: costs.last!.lossForward, module: nil))
        phases.append(Phase(name: "backward loss", cost: costs.last!.lossBackward, module: nil))
        for i in layers.indices.reversed() {
            phases.append(Phase(name: "backward \(costs[i].label)", cost: costs[i].backward, module: layers[i]))
        }
        phases.append(Phase(name: "update (SGD momentum)", cost: PhaseCost.update(model), module: nil))

        var samples = [[Double]](repeating: [], count: phases.count)
        for repetition in 0..<(warmups + repetitions) {
            var times: [Double] = []
            optimizer.zeroGrad()
            var h = input
            var outputs: [Tensor] = []
            for layer in layers {
                let start = monotonicNow()
                h = layer(h)
                times.append(monotonicNow() - start)
                outputs.append(h)
            }
            var start = monotonicNow()
            let loss = crossEntropy(logits: h, labels: labels)
            times.append(monotonicNow() - start)
            // marks[i]: when the gradient of layer i's output was complete.
            var marks = [Double](repeating: 0, count: layers.count)
            for (i, output) in outputs.enumerated() where output.requiresGrad {
                output.onGradient { _ in marks[i] = monotonicNow() }
            }
            start = monotonicNow()
            loss.backward()
            let end = monotonicNow()
            times.append(marks[layers.count - 1] - start)
            for i in layers.indices.reversed() {
                let finished = i > 0 && outputs[i - 1].requiresGrad ? marks[i - 1] : end
                times.append(finished - marks[i])
            }
            start = monotonicNow()
            optimizer.step()
            times.append(monotonicNow() - start)
            if repetition >= warmups {
                for (p, t) in times.enumerated() { samples[p].append(t) }
            }
        }
        return phases.indices.map { (phases[$0], TimingSummary(samples[$0]).median) }
    }

    struct Phase {
        let name: String
        let cost: PhaseCost.Cost
        let module: Module?
    }
}
