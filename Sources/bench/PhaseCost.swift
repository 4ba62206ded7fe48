import NeuralEngine

/// The work of each phase of a training step, from the shapes alone: floating-point operations where
/// they are the point (convolutions, linear layers), and the *effective* bytes, the traffic of a phase
/// that reads each input and writes each output exactly once (4 bytes per Float). An implementation that
/// re-reads activations or writes scratch tensors moves more than this, so effective GB/s well below
/// the machine's copy bandwidth (`bench --phases` prints it) shows where passes can still be saved.
enum PhaseCost {
    struct Cost {
        var flops: Double?
        var bytes: Double
    }

    struct Layer {
        let label: String
        let forward: Cost
        let backward: Cost
        let lossForward: Cost
        let lossBackward: Cost
        /// Elements of the input and output, parameter count, whether the input gradient is computed.
        let inputCount: Double, outputCount: Double, parameters: Double, inputGradient: Bool
    }

    /// A fused run of layers (`Sequential.forward(_:observing:)`): the labels joined with "+", the
    /// products' operations added up, and the bytes of one operation that reads the run's input and
    /// writes its output (backward: reads the output gradient and the input, writes the input gradient).
    static func run(_ layers: ArraySlice<Layer>) -> (label: String, forward: Cost, backward: Cost) {
        let first = layers.first!, last = layers.last!
        if layers.count == 1 { return (first.label, first.forward, first.backward) }
        func total(_ costs: [Double?]) -> Double? {
            costs.contains { $0 != nil } ? costs.reduce(0) { $0 + ($1 ?? 0) } : nil
        }
        let parameters = layers.reduce(0) { $0 + $1.parameters }
        let dx = first.inputGradient ? first.inputCount : 0
        return (layers.map(\.label).joined(separator: "+"),
                Cost(flops: total(layers.map(\.forward.flops)), bytes: 4 * (first.inputCount + parameters + last.outputCount)),
                Cost(flops: total(layers.map(\.backward.flops)),
                     bytes: 4 * (last.outputCount + first.inputCount + 2 * parameters + dx)))
    }

    /// One entry per layer of `model` applied to `input` (shapes propagated by running the model once
    /// without recording a graph). The first layer's input gradient is not counted: the input needs none.
    static func layers(_ model: Sequential, input: Tensor) -> [Layer] {
        var result: [Layer] = []
        var x = input
        var counts: [String: Int] = [:]
        noGrad {
            let wasTraining = model.training
            model.eval()
            defer { model.train(wasTraining) }
            for (index, layer) in model.layers.enumerated() {
                let y = layer(x)
                let kind = kindName(layer)
                counts[kind, default: 0] += 1
                let (forward, backward) = cost(layer, x: x.shape, y: y.shape, inputGradient: index > 0)
                result.append(Layer(label: "\(kind)\(counts[kind]!)", forward: forward, backward: backward,
                                    lossForward: Cost(flops: nil, bytes: 4 * Double(y.count)),
                                    lossBackward: Cost(flops: nil, bytes: 8 * Double(y.count)),
                                    inputCount: Double(x.count), outputCount: Double(y.count),
                                    parameters: Double(layer.parameters().reduce(0) { $0 + $1.count }),
                                    inputGradient: index > 0))
                x = y
            }
        }
        return result
    }

    static func kindName(_ layer: Module) -> String {
        switch layer {
        case is Conv2d: return "conv"
        case is BatchNorm2d: return "bn"
        case is GroupNorm: return "gn"
        case is ReLU: return "relu"
        case is MaxPool2d: return "maxpool"
        case is GlobalAvgPool2d: return "avgpool"
        case is Flatten: return "flatten"
        case is Linear: return "linear"
        default: return layer.typeName.lowercased()
        }
    }

    static func cost(_ layer: Module, x: [Int], y: [Int], inputGradient: Bool) -> (Cost, Cost) {
        let nx = Double(x.reduce(1, *)), ny = Double(y.reduce(1, *))
        let dx = inputGradient ? nx : 0
        let parameters = Double(layer.parameters().reduce(0) { $0 + $1.count })
        switch layer {
        case let conv as Conv2d:
            // Per output element, C·k·k multiply-adds; the same for dW, and for dx when needed.
            let macs = ny * Double(conv.inChannels * conv.kernelSize * conv.kernelSize)
            return (Cost(flops: 2 * macs, bytes: 4 * (nx + parameters + ny)),
                    Cost(flops: 2 * macs * (inputGradient ? 2 : 1), bytes: 4 * (ny + nx + 2 * parameters + dx)))
        case let linear as Linear:
            let macs = Double(x.dropLast().reduce(1, *)) * Double(linear.inFeatures * linear.outFeatures)
            return (Cost(flops: 2 * macs, bytes: 4 * (nx + parameters + ny)),
                    Cost(flops: 2 * macs * (inputGradient ? 2 : 1), bytes: 4 * (ny + nx + 2 * parameters + dx)))
        case is Flatten:
            return (Cost(flops: nil, bytes: 0), Cost(flops: nil, bytes: 0))
        case is MaxPool2d, is GlobalAvgPool2d:
            // Forward reads x, writes y; backward reads ∂L/∂y, writes ∂L/∂x.
            return (Cost(flops: nil, bytes: 4 * (nx + ny)), Cost(flops: nil, bytes: 4 * (ny + dx)))
        default:
            // Element-wise and normalization layers: forward reads x, writes y; backward reads ∂L/∂y and
            // x, writes ∂L/∂x (the statistics and parameters are negligible).
            return (Cost(flops: nil, bytes: 4 * (nx + ny)), Cost(flops: nil, bytes: 4 * (ny + nx + dx)))
        }
    }

    /// SGD with momentum reads p, ∂L/∂p and the momentum buffer, writes p and the buffer.
    static func update(_ model: Module) -> Cost {
        Cost(flops: nil, bytes: 4 * 5 * Double(model.parameters().reduce(0) { $0 + $1.count }))
    }
}
