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
            ("gradient-norms", gradientNorms()),
            ("learning-rates", learningRates()),
            ("histogram-grid-none", initializationGrid()),
            ("histogram-grid-wide-cells", penaltyGrid()),
            ("histogram-grid-phone", penaltyGrid(cellWidth: 150, cellHeight: 100)),
            ("histogram-grid-wrapped", initializationGrid(wrapColumns: 3)),
            ("heatmap-contours", lossSurface()),
            ("heatmap-digits", digits()),
            ("bars-many", manyBars()),
            ("scatter-many", manyClasses()),
            ("line-bands", seedBands()),
            ("line-bands-log", seedBands(log: true)),
            ("histogram-grid-two-line-notes", annotatedInitializationGrid()),
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

    /// Six series on a log axis spanning ten decades, with a subscript in the axis label, as in
    /// the vanishing-gradients chapter.
    static func gradientNorms() -> LineChart {
        let layers = (1...10).map(Double.init)
        let rates: [(String, Double, Double)] = [("sigmoid", 1e-7, 4.2), ("tanh", 0.05, 1.1), ("ReLU", 0.002, 1.45),
                                                 ("GELU", 1e-4, 1.6), ("ReLU, He init", 0.06, 0.99),
                                                 ("ReLU, 1.5 × He init", 5, 0.72)]
        return LineChart(title: "Gradient reaching each hidden layer (10 layers of 32 units)",
                         xLabel: "hidden layer l (1 = next to the input)", yLabel: "‖∂L/∂h_l‖",
                         series: rates.map { name, start, factor in
                             LineSeries(name: name, x: layers, y: layers.map { start * pow(factor, $0 - 1) })
                         }, yScale: .log, showMarkers: true)
    }

    /// Four series whose names carry Greek letters, as in the first chapter.
    static func learningRates() -> LineChart {
        let steps = (1...200).map(Double.init)
        return LineChart(title: "Plain gradient descent with four learning rates", xLabel: "gradient step",
                         yLabel: "cross-entropy loss",
                         series: [0.01, 0.1, 1, 3].map { rate in
                             LineSeries(name: "η = \(rate)", x: steps, y: steps.map { 1.1 * exp(-rate * $0 / 60) + 0.05 })
                         }, yScale: .log)
    }

    /// Five initializations by five layers with per-panel ranges and long row headers.
    static func initializationGrid(wrapColumns: Int? = nil) -> HistogramGrid {
        var random = SplitMix(state: 13)
        let rows = ["N(0, 0.01²), tanh", "N(0, 1), tanh", "Xavier, tanh", "Xavier, ReLU", "He, ReLU"]
        let bins = rows.indices.map { row in
            [0, 2, 4, 6, 9].map { layer in
                HistogramBins(values: (0..<400).map { _ in
                    let z = random.normal() * [0.3 * pow(0.2, Double(layer)), 3, 0.6, 0.8 * pow(0.75, Double(layer)), 0.8][row]
                    return row >= 3 ? Swift.max(0, z) : tanh(z)
                }, binCount: 30, range: row >= 3 ? 0...3 : -1...1)
            }
        }
        return HistogramGrid(title: "Activations per layer", rowHeaders: rows,
                             columnHeaders: ["layer 1", "layer 3", "layer 5", "layer 7", "layer 10"],
                             bins: bins, sharedX: .none,
                             annotations: rows.indices.map { _ in ["σ = 0.21", "σ = 0.047", "σ = 0.011", "σ = 0.0024", "σ = 5.3e-4"] },
                             wrapColumns: wrapColumns)
    }

    /// One row of three large panels on a global axis, as in the regularization chapter.
    static func penaltyGrid(cellWidth: Double = 200, cellHeight: Double = 120) -> HistogramGrid {
        var random = SplitMix(state: 17)
        let spreads = [0.08, 0.03, 0.01]
        return HistogramGrid(title: "Weights of a softmax classifier on the digits", xLabel: "weight value",
                             rowHeaders: ["weights"], columnHeaders: ["no penalty", "L2, λ = 10^{-3}", "L1, λ = 10^{-4}"],
                             values: [spreads.map { spread in (0..<640).map { _ in random.normal() * spread } }],
                             binCount: 41, sharedX: .global,
                             annotations: [["3% near 0", "11% near 0", "62% near 0"]],
                             cellWidth: cellWidth, cellHeight: cellHeight)
    }

    /// A 41 x 41 surface with numeric tick labels every 0.05, as in the normalization chapter.
    static func lossSurface() -> Heatmap {
        let labels = (0..<41).map { NumberFormat.fixed(2).format(-1 + Double($0) / 20) }
        let values = (0..<41).map { row in
            (0..<41).map { column -> Double in
                let a = -1 + Double(column) / 20, b = 1 - Double(row) / 20
                return log10(0.01 + 30 * a * a + 0.2 * b * b + 4 * a * b)
            }
        }
        return Heatmap(title: "log10 loss, raw (centred) features", xLabel: "w₁ − w₁* (alcohol)",
                       yLabel: "w₂ − w₂* (proline)", values: values, rowLabels: labels.reversed(),
                       columnLabels: labels, colorBarLabel: "log_{10} L", width: 440, height: 360)
    }

    /// Four 8 x 8 images side by side separated by empty columns, under a long title.
    static func digits() -> Heatmap {
        var random = SplitMix(state: 19)
        let rows = (0..<8).map { _ in
            (0..<4).flatMap { image in (image == 0 ? [] : [Double.nan]) + (0..<8).map { _ in random.next() * 1.4 - 0.2 } }
        }
        return Heatmap(title: "A training digit (label 3): original, 1-pixel shift, sub-pixel shift, noise",
                       values: rows, colorScale: .sequential, valueRange: -0.5...1.5, width: 640, height: 220)
    }

    /// Seven series of bars with value labels too wide to lie flat.
    static func manyBars() -> GroupedBarChart {
        GroupedBarChart(title: "Accuracy by width and depth", xLabel: "hidden units", yLabel: "test accuracy (%)",
                        groups: ["16", "32", "64", "128"],
                        series: (1...7).map { depth in
                            BarSeries(name: "\(depth) layers", values: [80, 85, 88, 90].map { $0 + Double(depth) * 0.7 })
                        }, valueFormat: .fixed(1))
    }

    /// Six classes: markers switch to shapes.
    static func manyClasses() -> ScatterPlot {
        var random = SplitMix(state: 23)
        var xs: [Double] = [], ys: [Double] = [], labels: [Int] = []
        for k in 0..<6 {
            for _ in 0..<25 {
                let angle = Double(k) * Double.pi / 3
                xs.append(cos(angle) + 0.3 * random.normal()); ys.append(sin(angle) + 0.3 * random.normal()); labels.append(k)
            }
        }
        return ScatterPlot(title: "Six clusters", xLabel: "x_1", yLabel: "x_2", x: xs, y: ys, classes: labels,
                           classNames: (0..<6).map { "cluster \($0 + 1)" })
    }

    /// Test accuracy over epochs for two settings, each a mean line in a band from the lowest to
    /// the highest of five seeds, as chapters 6 and 7 draw them; on a log axis one lower bound is
    /// 0 (the band reaches the bottom) and one upper bound NaN (the band breaks).
    static func seedBands(log: Bool = false) -> LineChart {
        var random = SplitMix(state: 29)
        let epochs = (1...12).map(Double.init)
        func runs(_ rate: Double) -> [[Double]] {
            (0..<5).map { _ in epochs.map { 1 - 0.9 * exp(-rate * $0) + 0.03 * random.normal() } }
        }
        let series = [("BN", runs(0.6)), ("no BN", runs(0.25))].map { name, runs -> LineSeries in
            let lower = epochs.indices.map { i in runs.map { $0[i] }.min()! }
            let upper = epochs.indices.map { i in runs.map { $0[i] }.max()! }
            let mean = epochs.indices.map { i in runs.map { $0[i] }.reduce(0, +) / 5 }
            return LineSeries(name: name, x: epochs, y: mean,
                              band: LineBand(lower: log && name == "BN" ? [0] + lower.dropFirst() : lower,
                                             upper: log && name == "BN" ? upper.enumerated().map { $0.offset == 6 ? .nan : $0.element } : upper,
                                             meaning: "lowest to highest of 5 seeds"))
        }
        return LineChart(title: "Test accuracy over 5 seeds", xLabel: "epoch", yLabel: "test accuracy",
                         series: series, yScale: log ? .log : .linear, showMarkers: log)
    }

    /// The initialization grid with the chapter's two-part annotations ("σ = 0.58, 50% zeros"),
    /// wider than a panel: they wrap onto a second line, in cells tall enough to keep the bars.
    static func annotatedInitializationGrid() -> HistogramGrid {
        var grid = initializationGrid()
        grid.annotations = grid.rowHeaders.indices.map { row in
            ["σ = 0.58, 50% zeros", "σ = 0.28, 51% zeros", "σ = 0.15, 48% zeros", "σ = 0.077, 50% zeros", "σ = 0.025\n50% zeros"]
                .map { row >= 3 ? $0 : String($0.prefix { $0 != "," && $0 != "\n" }) }
        }
        grid.cellHeight = 72
        return grid
    }

    /// Two-colour checkerboards for looking for seams between raster cells in a browser: every
    /// pixel inside the raster must have one of the two cell colours (see PlotDumpTests).
    static func seamChecks() -> [(name: String, chart: any SVGRenderable)] {
        let checker = (0..<23).map { row in (0..<29).map { Double((row + $0) % 2) } }
        let regions = DecisionRegions(xRange: 0...1, yRange: 0...1,
                                      predictions: (0..<37).map { row in (0..<41).map { (row / 3 + $0 / 2) % 2 } })
        return [
            ("seams-heatmap", Heatmap(title: "", values: checker, width: 437, height: 331)),
            ("seams-regions", ScatterPlot(title: "", x: [], y: [], regions: regions, width: 437, height: 371)),
        ]
    }
}
