/// Greedy layer-wise pre-training with autoencoders (Bengio, Lamblin, Popovici & Larochelle 2007;
/// Hinton & Salakhutdinov 2006): train the first layer as an autoencoder of the inputs, then the
/// second as an autoencoder of the first layer's codes, and so on; the stacked encoders initialise
/// a deep network that is then fine-tuned with labels.
public struct LayerwisePretraining {
    /// Linear + activation encoders, stacked: `[Linear, act, Linear, act, ...]`. Append a classifier
    /// head and fine-tune.
    public let encoder: Sequential
    /// Reconstruction loss (MSE) per epoch, one array per layer.
    public let reconstructionLosses: [[Double]]

    /// Pre-trains encoders of widths `sizes` on `inputs` `[N, d]`.
    /// - Parameters:
    ///   - activation: makes the nonlinearity after each encoder (and decoder, except the first
    ///     decoder which is linear so it can reproduce real-valued inputs).
    ///   - learningRate: Adam learning rate for every autoencoder.
    public init(inputs: Tensor, sizes: [Int], activation: () -> Module = { Sigmoid() }, epochs: Int = 10,
                batchSize: Int = 64, learningRate: Double = 1e-3, generator: RandomGenerator = .global) {
        if inputs.rank != 2 { fatalError("LayerwisePretraining: inputs must be [N, d], got \(ShapeError.describe(inputs.shape))") }
        var layers: [Module] = []
        var losses: [[Double]] = []
        var codes = inputs.detach()
        for (depth, width) in sizes.enumerated() {
            let encoderLayer = Linear(codes.shape[1], width, dtype: inputs.dtype, generator: generator)
            let act = activation()
            let decoder: [Module] = depth == 0
                ? [Linear(width, codes.shape[1], dtype: inputs.dtype, generator: generator)]
                : [Linear(width, codes.shape[1], dtype: inputs.dtype, generator: generator), activation()]
            let autoencoder = Sequential([encoderLayer, act] + decoder)
            let data = Dataset(features: codes, targets: codes)
            let history = fit(autoencoder, optimizer: Adam(autoencoder.parameters(), learningRate: learningRate),
                              loss: .mse, train: DataLoader(data, batchSize: batchSize, shuffle: true, generator: generator),
                              epochs: epochs)
            losses.append(history.trainLoss)
            layers += [encoderLayer, act]
            let stage = Sequential([encoderLayer, act])
            codes = noGrad { stage(codes) }.detach()
        }
        encoder = Sequential(layers)
        reconstructionLosses = losses
    }
}
