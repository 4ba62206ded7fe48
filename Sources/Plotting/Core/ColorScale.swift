import Foundation

/// Maps a number to a colour for heatmaps.
public enum ColorScale: Sendable, Equatable {
    /// Low to high through viridis-like stops (perceptually ordered, colour-blind safe;
    /// van der Walt & Smith, matplotlib, 2015).
    case sequential
    /// Blue below `center`, near-white at `center`, red above (ColorBrewer RdBu, Brewer 2003);
    /// the range is made symmetric around `center` so equal distances get equal intensity.
    case diverging(center: Double)

    static let viridisStops: [(Double, Double, Double)] = [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ]
    static let divergingStops: [(Double, Double, Double)] = [
        (33, 102, 172), (103, 169, 207), (209, 229, 240), (247, 247, 247),
        (253, 219, 199), (239, 138, 98), (178, 24, 43),
    ]

    /// The value interval mapped onto the full scale, given the data's min and max.
    func domain(minimum: Double, maximum: Double) -> (Double, Double) {
        switch self {
        case .sequential:
            return minimum == maximum ? (minimum - 0.5, maximum + 0.5) : (minimum, maximum)
        case .diverging(let center):
            let reach = Swift.max(abs(maximum - center), abs(center - minimum))
            return reach == 0 ? (center - 1, center + 1) : (center - reach, center + reach)
        }
    }

    /// Colour at fraction t in [0, 1] as "#RRGGBB", linearly interpolated between stops.
    func color(at fraction: Double) -> (hex: String, luminance: Double) {
        let stops = self == .sequential ? ColorScale.viridisStops : ColorScale.divergingStops
        let t = Swift.min(1, Swift.max(0, fraction.isFinite ? fraction : 0)) * Double(stops.count - 1)
        let index = Swift.min(stops.count - 2, Int(t))
        let local = t - Double(index)
        let a = stops[index], b = stops[index + 1]
        let rgb = [a.0 + (b.0 - a.0) * local, a.1 + (b.1 - a.1) * local, a.2 + (b.2 - a.2) * local]
            .map { Int($0.rounded()) }
        let hex = "#" + rgb.map { component in
            let digits = String(component, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        // Relative luminance (ITU-R BT.709 weights on sRGB, ignoring gamma) to pick text colour.
        let luminance = (0.2126 * Double(rgb[0]) + 0.7152 * Double(rgb[1]) + 0.0722 * Double(rgb[2])) / 255
        return (hex, luminance)
    }
}
