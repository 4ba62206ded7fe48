/// Something that renders itself as a standalone SVG document fragment (`<svg>...</svg>`).
///
/// Rendering is a pure function of the value: the same data always gives the same bytes, so
/// built pages can be cached and diffed.
public protocol SVGRenderable {
    /// The chart as an `<svg>` element string, scalable (`viewBox`, `width="100%"`).
    func svg() -> String
}

/// Something that renders itself as an HTML fragment (for example a `<table>`).
public protocol HTMLRenderable {
    /// The value as an HTML fragment with every text escaped.
    func html() -> String
}
