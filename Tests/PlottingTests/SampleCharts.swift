import Foundation
@testable import Plotting

/// One small instance of every chart type, shared by the rendering tests and the PNG dump.
enum SampleCharts {
    /// Deterministic pseudo-random numbers (SplitMix64) so samples do not depend on the platform.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53)
        }
        /// Standard normal via Box–Muller.
        mutating func normal() -> Double {
            let u = Swift.max(next(), 1e-12), v = next()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
    }

    static func all() -> [(name: String, chart: any SVGRenderable)] {
        [
            ("line", lossCurves()),
            ("line-log", logLossCurves()),
            ("scatter", spiral()),
            ("histogram", histogram()),
            ("histogram-grid", histogramGrid()),
            ("bars", bars()),
            ("heatmap-confusion", confusion()),
            ("heatmap-weights", weights()),
            ("normalization", NormalizationDiagram()),
            ("activations", activations()),
        ]
    }

    static func lossCurves() -> LineChart {
        let epochs = (1...40).map(Double.init)
        let train = epochs.map { 1.2 * exp(-$0 / 8) + 0.05 }
        let validation = epochs.map { 1.2 * exp(-$0 / 8) + 0.12 + 0.0004 * ($0 - 15) * ($0 - 15) }
        return LineChart(title: "Loss while training", xLabel: "epoch", yLabel: "loss",
                         series: [LineSeries(name: "train", x: epochs, y: train),
                                  LineSeries(name: "validation", x: epochs, y: validation, dashed: true)],
                         verticalMarkers: [VerticalMarker(x: 15, label: "early stop")],
                         referenceLine: ReferenceLine(y: 0.1, label: "target"))
    }

    static func logLossCurves() -> LineChart {
        let steps = (0..<30).map(Double.init)
        var noisy = steps.map { 2 * pow(0.7, $0) }
        noisy[7] = .nan
        noisy[12] = .infinity
        return LineChart(title: "Gradient norm per layer", xLabel: "step", yLabel: "norm",
                         series: [LineSeries(name: "sigmoid", x: steps, y: noisy),
                                  LineSeries(name: "tanh", x: steps, y: steps.map { pow(0.85, $0) }),
                                  LineSeries(name: "ReLU", x: steps, y: steps.map { 0.5 + 0.01 * $0 })],
                         yScale: .log, showMarkers: true)
    }

    static func spiral() -> ScatterPlot {
        var random = SplitMix(state: 7)
        var xs: [Double] = [], ys: [Double] = [], labels: [Int] = []
        for k in 0..<3 {
            for i in 0..<60 {
                let r = Double(i) / 60
                let t = Double(k) * 4 + 4 * r + 0.2 * random.normal()
                xs.append(r * sin(t)); ys.append(r * cos(t)); labels.append(k)
            }
        }
        let grid = DecisionRegions.cellCentres(xRange: -1...1, yRange: -1...1, rows: 40, columns: 40)
        let predictions = (0..<40).map { row in
            (0..<40).map { column -> Int in
                let point = grid[row * 40 + column]
                let angle = atan2(point.x, point.y) + Double.pi
                return Int(angle / (2 * Double.pi) * 3) % 3
            }
        }
        return ScatterPlot(title: "Spiral data and decision regions", xLabel: "x₁", yLabel: "x₂",
                           x: xs, y: ys, classes: labels, classNames: ["class A", "class B", "class C"],
                           regions: DecisionRegions(xRange: -1...1, yRange: -1...1, predictions: predictions))
    }

    static func histogram() -> Histogram {
        var random = SplitMix(state: 3)
        let values = (0..<2000).map { _ in random.normal() * 0.05 }
        return Histogram(title: "Weights after L2 training", xLabel: "weight", values: values + [.nan], binCount: 40)
    }

    static func histogramGrid() -> HistogramGrid {
        var random = SplitMix(state: 11)
        let columns = ["N(0, 0.01)", "N(0, 1)", "Xavier tanh", "Xavier ReLU", "He ReLU"]
        let rows = (1...10).map { "layer \($0)" }
        let values = rows.indices.map { layer in
            columns.indices.map { column in
                (0..<300).map { _ -> Double in
                    let spread = [0.5 * pow(0.3, Double(layer)), 3, 0.6, 0.3 * pow(0.8, Double(layer)), 0.7][column]
                    let z = random.normal() * spread
                    return column >= 3 ? Swift.max(0, z) : tanh(z)
                }
            }
        }
        let annotations = values.map { row in row.map { data -> String in
            let mean = data.reduce(0, +) / Double(data.count)
            let variance = data.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(data.count)
            return "σ=" + NumberFormat.automatic.format(variance.squareRoot())
        } }
        return HistogramGrid(title: "Activations per layer and initialization", xLabel: "activation",
                             rowHeaders: rows, columnHeaders: columns, values: values, binCount: 25,
                             annotations: annotations)
    }

    static func bars() -> GroupedBarChart {
        GroupedBarChart(title: "Test error by batch size", xLabel: "batch size", yLabel: "error (%)",
                        groups: ["32", "16", "8", "4", "2"],
                        series: [BarSeries(name: "Batch Norm", values: [23.6, 23.7, 24.8, 27.3, 34.7]),
                                 BarSeries(name: "Group Norm", values: [24.1, 24.2, 24.0, 24.2, 24.1]),
                                 BarSeries(name: "Layer Norm", values: [25.3, 25.4, 25.2, 25.5, .nan])],
                        valueFormat: .fixed(1))
    }

    static func confusion() -> Heatmap {
        let counts: [[Double]] = (0..<10).map { (row: Int) -> [Double] in
            (0..<10).map { (column: Int) -> Double in
                let offDiagonal: Int = (row * 7 + column * 3) % 5
                return row == column ? Double(90 + row) : Double(offDiagonal)
            }
        }
        let digits = (0..<10).map(String.init)
        return Heatmap(title: "Confusion matrix", xLabel: "predicted", yLabel: "true", values: counts,
                       rowLabels: digits, columnLabels: digits, annotationFormat: .fixed(0), colorBarLabel: "count")
    }

    static func weights() -> Heatmap {
        var random = SplitMix(state: 5)
        let values = (0..<16).map { _ in (0..<24).map { _ in random.normal() * 0.3 } }
        return Heatmap(title: "First-layer weights", xLabel: "input", yLabel: "unit", values: values,
                       colorScale: .diverging(center: 0), width: 640, height: 360)
    }

    static func activations() -> FunctionPlot {
        func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        return FunctionPlot(title: "Activation functions", yLabel: "f(x)", xRange: -5...5, functions: [
            PlotFunction("sigmoid", sigmoid),
            PlotFunction("tanh", tanh),
            PlotFunction("ReLU") { Swift.max(0, $0) },
            PlotFunction("sigmoid′", dashed: true) { sigmoid($0) * (1 - sigmoid($0)) },
            PlotFunction("tanh′", dashed: true) { 1 - tanh($0) * tanh($0) },
        ], yRange: -1.5...3)
    }
}
