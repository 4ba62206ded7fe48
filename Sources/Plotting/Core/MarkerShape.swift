/// Point marker shapes that tell series apart without colour (print, colour-blind readers).
///
/// Series k uses `MarkerShape.forSeries(k)`. Line charts and scatter plots switch to varied shapes
/// when more than `MarkerShape.colourOnlyLimit` series share a plot; with fewer, colour suffices
/// and markers (when drawn) are circles. Shapes are scaled to about the same area as a circle of
/// the given radius so no series looks heavier than another.
enum MarkerShape: CaseIterable {
    case circle, square, triangleUp, diamond, triangleDown, plus

    /// More series than this in one plot get distinct shapes, not just distinct colours.
    static let colourOnlyLimit = 4

    static func forSeries(_ index: Int) -> MarkerShape {
        allCases[((index % allCases.count) + allCases.count) % allCases.count]
    }

    /// Draws the marker centred at (x, y) with the fill inherited from the enclosing group (or `style`).
    func draw(_ x: Double, _ y: Double, radius r: Double, style: String? = nil, into writer: inout SVGWriter) {
        switch self {
        case .circle:
            writer.circle(x, y, r, style: style)
        case .square:
            let h = r * 0.89  // equal area: (2h)^2 = pi r^2
            writer.polygon([(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)], style: style)
        case .triangleUp, .triangleDown:
            let s = r * 1.5 * (self == .triangleUp ? 1 : -1)  // circumradius of a (nearly) equal-area triangle
            writer.polygon([(x, y - s), (x + abs(s) * 0.866, y + s * 0.5), (x - abs(s) * 0.866, y + s * 0.5)], style: style)
        case .diamond:
            let d = r * 1.25
            writer.polygon([(x, y - d), (x + d, y), (x, y + d), (x - d, y)], style: style)
        case .plus:
            let a = r * 1.3, b = r * 0.42
            writer.polygon([(x - b, y - a), (x + b, y - a), (x + b, y - b), (x + a, y - b), (x + a, y + b),
                            (x + b, y + b), (x + b, y + a), (x - b, y + a), (x - b, y + b), (x - a, y + b),
                            (x - a, y - b), (x - b, y - b)], style: style)
        }
    }
}
