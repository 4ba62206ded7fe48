/// A named scalar function to plot, such as an activation or its derivative.
public struct PlotFunction {
    public var name: String
    public var dashed: Bool
    public var evaluate: (Double) -> Double
    public init(_ name: String, dashed: Bool = false, _ evaluate: @escaping (Double) -> Double) {
        self.name = name
        self.dashed = dashed
        self.evaluate = evaluate
    }
}

/// Functions sampled on an evenly spaced grid and drawn as a line chart: for example sigmoid,
/// tanh and ReLU with their derivatives dashed.
///
/// Sampling is deterministic: x_i = a + (b - a) * i / (samples - 1) for i = 0 ... samples-1.
/// Non-finite function values are skipped (the line breaks).
public struct FunctionPlot: SVGRenderable, Sendable {
    /// The chart the sampled series are drawn in; adjust its fields for further options.
    public var chart: LineChart

    public init(title: String, xLabel: String = "x", yLabel: String = "", xRange: ClosedRange<Double>,
                functions: [PlotFunction], samples: Int = 201, yRange: ClosedRange<Double>? = nil,
                referenceLine: ReferenceLine? = nil, width: Double = 540, height: Double = 340,
                altText: String? = nil) {
        let series = functions.map {
            FunctionPlot.sample($0.name, xRange: xRange, samples: samples, dashed: $0.dashed, $0.evaluate)
        }
        chart = LineChart(title: title, xLabel: xLabel, yLabel: yLabel, series: series,
                          referenceLine: referenceLine, xRange: xRange, yRange: yRange,
                          width: width, height: height, altText: altText)
        if altText == nil {
            chart.altText = "Function plot \u{201C}\(plain(title))\u{201D} of \(listed(functions.map { plain($0.name) })) for x from \(NumberFormat.automatic.format(xRange.lowerBound)) to \(NumberFormat.automatic.format(xRange.upperBound)); values \(describeRange(series.flatMap(\.y)))."
        }
    }

    /// `f` sampled at `samples` evenly spaced points of `xRange` as a line series.
    public static func sample(_ name: String, xRange: ClosedRange<Double>, samples: Int = 201,
                              dashed: Bool = false, _ f: (Double) -> Double) -> LineSeries {
        guard samples >= 2 else { fatalError("FunctionPlot.sample needs at least 2 samples, got \(samples)") }
        let span = xRange.upperBound - xRange.lowerBound
        let xs = (0..<samples).map { xRange.lowerBound + span * Double($0) / Double(samples - 1) }
        return LineSeries(name: name, x: xs, y: xs.map(f), dashed: dashed)
    }

    public var title: String { chart.title }
    public var altText: String { chart.altText }

    public func svg() -> String { chart.svg() }
}
