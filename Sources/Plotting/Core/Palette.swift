/// The Okabe–Ito colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008),
/// exposed through CSS custom properties so a page can restyle series for dark mode.
///
/// Series colour `k` (0-based) is written as `var(--series-(k+1), #hex)`; the page may define
/// `--series-1` ... `--series-8`, `--plot-fg` (text and axes) and `--plot-grid` (grid lines).
public enum Palette {
    /// Okabe–Ito hues in the order series use them. Black is replaced by grey so the eighth
    /// series stays visible on a dark background.
    public static let okabeIto: [String] = [
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#CC79A7", // reddish purple
        "#E69F00", // orange
        "#56B4E9", // sky blue
        "#F0E442", // yellow
        "#7F7F7F", // grey (instead of black)
    ]

    /// The CSS colour of series `index` (0-based), cycling through the palette.
    public static func seriesColor(_ index: Int) -> String {
        let slot = ((index % okabeIto.count) + okabeIto.count) % okabeIto.count
        return "var(--series-\(slot + 1), \(okabeIto[slot]))"
    }

    /// Foreground for text, axes and outlines: the page's text colour unless `--plot-fg` is set.
    public static let foreground = "var(--plot-fg, currentColor)"
    /// Grid line colour (drawn with low opacity).
    public static let grid = "var(--plot-grid, currentColor)"
}
