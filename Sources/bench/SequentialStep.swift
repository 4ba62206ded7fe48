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

    /// Times each phase of `repetitions` steps (after `warmups` untimed ones): the forward of every
    /// layer, or of every fused run of layers, as `Sequential.forward(_:observing:)` reports them; the
    /// loss; every run's backward (between the gradient hooks of consecutive run outputs: from the
    /// moment the gradient of a run's output is complete to the moment its input's gradient is); and
    /// the optimizer update. Returns the phases in execution order with their median seconds.
    func profile(warmups: Int, repetitions: Int) -> [(phase: Phase, seconds: Double)] {
        let costs = PhaseCost.layers(model, input: input)
        var runs: [Range<Int>] = []
        noGrad { _ = model.forward(input) { range, _ in runs.append(range) } }
        let described = runs.map { PhaseCost.run(costs[$0]) }
        var phases: [Phase] = described.map { Phase(name: "forward \($0.label)", cost: $0.forward) }
        phases.append(Phase(name: "forward loss", cost: costs.last!.lossForward))
        phases.append(Phase(name: "backward loss", cost: costs.last!.lossBackward))
        phases += described.reversed().map { Phase(name: "backward \($0.label)", cost: $0.backward) }
        phases.append(Phase(name: "update (SGD momentum)", cost: PhaseCost.update(model)))

        var samples = [[Double]](repeating: [], count: phases.count)
        for repetition in 0..<(warmups + repetitions) {
            var times: [Double] = []
            optimizer.zeroGrad()
            var outputs: [Tensor] = []
            var last = monotonicNow()
            let logits = model.forward(input) { _, output in
                let now = monotonicNow()
                times.append(now - last)
                outputs.append(output)
                last = monotonicNow()
            }
            var start = monotonicNow()
            let loss = crossEntropy(logits: logits, labels: labels)
            times.append(monotonicNow() - start)
            // marks[r]: when the gradient of run r's output was complete.
            var marks = [Double](repeating: 0, count: outputs.count)
            for (r, output) in outputs.enumerated() where output.requiresGrad {
                output.onGradient { _ in marks[r] = monotonicNow() }
            }
            start = monotonicNow()
            loss.backward()
            let end = monotonicNow()
            times.append(marks[outputs.count - 1] - start)
            for r in outputs.indices.reversed() {
                let finished = r > 0 && outputs[r - 1].requiresGrad ? marks[r - 1] : end
                times.append(finished - marks[r])
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
    }
}
