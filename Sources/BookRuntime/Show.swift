/// Shows any value in the page below the block, as its `String(describing:)` text (a tensor's
/// description, a number, an array...). Tables and charts have their own overloads.
public func show(_ value: Any) {
    _BookSession.emit(.value(text: String(describing: value)))
}

/// Shows a table (for example Plotting's `Table`) in the page. `label` (such as `tbl-accuracy`)
/// lets prose refer to it with `@tbl-accuracy`.
public func show(_ table: some HTMLRenderable, caption: String? = nil, label: String? = nil) {
    _BookSession.emit(.table(html: table.html(), caption: caption, label: label))
}

/// Shows a chart as a figure. `label` (such as `fig-loss`) lets prose refer to it with `@fig-loss`;
/// `alt` overrides the chart's own text alternative (`Chart.altText`).
public func show(_ chart: some SVGRenderable, caption: String? = nil, label: String? = nil, alt: String? = nil) {
    let svg = chart.svg()
    _BookSession.emit(.figure(svg: svg, caption: caption, label: label, alt: alt ?? altText(of: chart, svg: svg)))
}
