/// Fan-in and fan-out of a weight tensor, computed as PyTorch's `_calculate_fan_in_and_fan_out`.
///
/// - Linear weight `[out, in]`: fanIn = in, fanOut = out.
/// - Convolution weight `[O, C, kh, kw]`: receptive field r = kh·kw, fanIn = C·r, fanOut = O·r
///   (each output unit sums C·kh·kw inputs; each input feeds O·kh·kw outputs).
public struct Fans: Sendable, Equatable {
    /// Number of inputs summed by one output unit.
    public let fanIn: Int
    /// Number of output units each input contributes to.
    public let fanOut: Int

    /// Fans of a weight of `shape` (at least 2 axes, as in PyTorch).
    public init(shape: [Int]) {
        if shape.count < 2 {
            fatalError("Fans: fan-in and fan-out need a weight with at least 2 axes, got shape \(ShapeError.describe(shape))")
        }
        let receptive = shape.dropFirst(2).reduce(1, *)
        fanIn = shape[1] * receptive
        fanOut = shape[0] * receptive
    }

    /// The fan selected by a Kaiming `mode`.
    public func fan(_ mode: Initializer.FanMode) -> Int { mode == .fanIn ? fanIn : fanOut }
}
