/// A chart: an SVG figure with a title and a text alternative.
///
/// `altText` describes the chart for readers who cannot see it (chart type, series names,
/// value ranges); it is written into the SVG as `aria-label` and `<desc>`. Every chart type
/// generates one from its data unless one is given explicitly.
public protocol Chart: SVGRenderable {
    var title: String { get }
    var altText: String { get }
}

extension LineChart: Chart {}
extension ScatterPlot: Chart {}
extension Histogram: Chart {}
extension HistogramGrid: Chart {}
extension GroupedBarChart: Chart {}
extension Heatmap: Chart {}
extension NormalizationDiagram: Chart {}
extension FunctionPlot: Chart {}
