/// A chart: an SVG figure with a title and a text alternative.
///
/// `altText` describes the chart for readers who cannot see it (chart type, series names,
/// value ranges); it is written into the SVG as `aria-label` and `<desc>`. Every chart type
/// generates one from its data unless one is given explicitly.
///
/// ## Math in labels
/// Titles, axis labels, legend entries (series and class names), headers, annotations and marker
/// labels are written in `LabelMarkup`: `_x` or `_{...}` is a subscript, `^x` or `^{...}` a
/// superscript, `\_` and `\^` are literal, and Greek letters are typed directly (or as `\alpha`).
/// `yLabel: "‖∂L/∂h_l‖"` shows a real subscript l; `"μ_B"`, `"h_{in}"`, `"x^2"`, `"10^{-4}"`
/// work the same way. Text alternatives use Unicode sub/superscripts where they exist.
///
/// ## Phones
/// A page shows a chart at `max-width: 100%`, so on a 390 px phone a chart whose viewBox is W
/// wide is shrunk to the 358 px text column, or to the 322 px a figure gets inside a cell's output
/// box. Line charts, scatter plots, histograms, bar charts and heatmaps size their text for the
/// 322 px (`Typography`), so every text stays at 9 CSS px or more. Charts that cannot
/// (a dense `HistogramGrid`, a wide `NormalizationDiagram` with `columns:` set) carry
/// `data-min-width="N"` on the root `<svg>`: the CSS px width at which their smallest text is 9 px.
/// The page should show such a figure at least N px wide, scrolling sideways, with a way to
/// enlarge it. Default sizes are 540 units wide (desktop text about 15 px).
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
