import NeuralEngine

/// One training step of a `Sequential` classifier (cross-entropy, SGD lr 0.05, momentum 0.9), shared by
/// the CNN workloads, and its per-phase profile for `bench --phases`.
final class SequentialStep {
    let model: Sequential
    let optimizer: SGD
    let input: Tensor
    let labels: [Int]

    /// Whether the models fuse runs of layers (`bench --unfused` sets it to false).
    nonisolated(unsafe) static var fusesLayers = true

    init(model: Sequential, input: Tensor, labels: [Int]) {
        self.model = model
        model.fusesLayers = Self.fusesLayers
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
    /// the optimizer update. Returns the phases in execution order with their median wall-clock and
    /// process CPU seconds (all threads, spinning workers included: steadier than wall time on a busy machine).
    func profile(warmups: Int, repetitions: Int) -> [(phase: Phase, seconds: Double, cpuSeconds: Double)] {
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
        var cpuSamples = [[Double]](repeating: [], count: phases.count)
        for repetition in 0..<(warmups + repetitions) {
            // Wall-clock and process CPU time (all threads) at each phase boundary.
            var marks: [(wall: Double, cpu: Double)] = []
            func mark() { marks.append((monotonicNow(), processCPUNow())) }
            optimizer.zeroGrad()
            var outputs: [Tensor] = []
            mark()
            let logits = model.forward(input) { _, output in
                mark()
                outputs.append(output)
            }
            let loss = crossEntropy(logits: logits, labels: labels)
            mark()
            // The gradient of run r's output is complete when its hook runs; runs in reverse order.
            var hookMarks = [(wall: Double, cpu: Double)](repeating: (0, 0), count: outputs.count)
            for (r, output) in outputs.enumerated() where output.requiresGrad {
                output.onGradient { _ in hookMarks[r] = (monotonicNow(), processCPUNow()) }
            }
            loss.backward()
            let end = (wall: monotonicNow(), cpu: processCPUNow())
            for r in outputs.indices.reversed() { marks.append(hookMarks[r]) }
            // A run whose input needs no gradient (the first) ends with the backward pass.
            marks.append(end)
            optimizer.step()
            mark()
            if repetition >= warmups {
                for p in phases.indices {
                    samples[p].append(marks[p + 1].wall - marks[p].wall)
                    cpuSamples[p].append(marks[p + 1].cpu - marks[p].cpu)
                }
            }
        }
        return phases.indices.map { (phases[$0], TimingSummary(samples[$0]).median, TimingSummary(cpuSamples[$0]).median) }
    }

    struct Phase {
        let name: String
        let cost: PhaseCost.Cost
    }
}
