/// Per-feature standardization z = (x − μ) / σ, with μ and σ (population std) computed on the
/// *training* data only and then applied unchanged to validation and test data, so no information
/// leaks from them. Features with σ = 0 are left centred but unscaled (σ treated as 1).
public struct Standardizer {
    /// Per-feature mean, shape = features.shape.dropFirst().
    public let mean: Tensor
    /// Per-feature standard deviation (zeros replaced by 1).
    public let std: Tensor

    /// Fits μ and σ over axis 0 of `features`.
    public init(fitting features: Tensor) {
        if features.rank < 1 || features.shape[0] < 1 {
            fatalError("Standardizer: cannot fit on features of shape \(ShapeError.describe(features.shape))")
        }
        let x = features.detach()
        mean = x.mean(axes: [0])
        let sigma = x.std(axes: [0])
        std = Tensor(sigma.doubles.map { $0 > 0 ? $0 : 1 }, shape: sigma.shape, dtype: sigma.dtype)
    }

    /// Fits on a data set's features.
    public init(fitting dataset: Dataset) { self.init(fitting: dataset.features) }

    /// (x − μ) / σ.
    public func transform(_ features: Tensor) -> Tensor {
        if Array(features.shape.dropFirst()) != mean.shape {
            ShapeError.mismatch("Standardizer.transform", features.shape, mean.shape, detail: "feature axes must match the fitted ones")
        }
        return (features - mean.to(features.dtype)) / std.to(features.dtype)
    }

    /// The data set with standardized features.
    public func transform(_ dataset: Dataset) -> Dataset { dataset.withFeatures(transform(dataset.features)) }

    /// x·σ + μ.
    public func inverse(_ features: Tensor) -> Tensor {
        features * std.to(features.dtype) + mean.to(features.dtype)
    }
}
