import NeuralEngine

/// `init-forward`: input [1000, 500] ~ N(0, 1) through 10 × (Linear(500, 500, no bias, Xavier normal)
/// followed by tanh), forward only, without graph recording.
enum InitForwardWorkload {
    static func make() -> Workload {
        Workload(name: "init-forward", summary: "10 x (Linear(500,500) + tanh) on [1000,500], no grad",
                 warmups: 2, repetitions: 11) {
            let generator = RandomGenerator(seed: 2)
            let input = Tensor.randn([1000, 500], generator: generator)
            let layers = (0..<10).map { _ in
                Linear(500, 500, bias: false, weightInit: .xavierNormal(), generator: generator)
            }
            return {
                noGrad {
                    var h = input
                    for layer in layers { h = layer(h).tanh() }
                    precondition(h.shape == [1000, 500])
                }
            }
        }
    }
}
