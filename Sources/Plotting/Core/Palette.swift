/// Series colours, one set per page theme, exposed through CSS custom properties.
///
/// Series colour `k` (0-based) is written as `var(--series-(k+1), #hex)` with the light colour as
/// fallback; the page defines `--series-1` ... `--series-8` for its light and dark themes (the
/// values below), `--plot-fg` (text and axes), `--plot-grid` (grid lines) and `--plot-bg`.
///
/// How the sets were chosen: the hues of Okabe & Ito ("Color Universal Design", 2008) in the same
/// order (blue, vermillion, green, reddish purple, yellow, violet, sky blue, grey), with lightness
/// and chroma set per theme so that
/// - every colour has a contrast of at least 3:1 against the theme's background (WCAG 2.1
///   success criterion 1.4.11, graphical objects): the Okabe-Ito orange, sky blue and yellow
///   fail on white (about 2:1), so the light set darkens or replaces them;
/// - every pair stays apart for normal vision and under simulated protanopia, deuteranopia and
///   tritanopia (Machado, Oliveira & Fernandes, IEEE TVCG 2009, severity 1), measured as a
///   distance in OKLab (Ottosson 2020): at least 0.08 among the first four colours and 0.06
///   among all eight. Hues that collapse for colour-blind readers (blue and violet, vermillion
///   and yellow) differ in lightness instead. `PaletteTests` checks all of this.
/// The dark set no longer has three light blues (the old one made sigmoid, GELU and a sixth
/// series look alike). Charts with more than four series also vary marker shapes.
public enum Palette {
    /// Series colours on the light theme (background `lightBackground`).
    public static let light: [String] = [
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#8A003A", // crimson (reddish purple, dark so it differs from vermillion)
        "#835700", // ochre (yellow, darkened to 3:1)
        "#997CF0", // lavender (violet, light so it differs from blue)
        "#005783", // deep sky blue
        "#6D7575", // grey
    ]

    /// Series colours on the dark theme (background `darkBackground`).
    public static let dark: [String] = [
        "#5792FF", // blue
        "#E98300", // orange
        "#3AF0CC", // aquamarine (bluish green)
        "#AF6699", // mauve (reddish purple)
        "#FFD307", // yellow
        "#8357CC", // violet
        "#2CBDFF", // sky blue
        "#A8A8A0", // grey
    ]

    /// The page backgrounds the two sets are checked against (`--plot-bg` of each theme).
    public static let lightBackground = "#FFFFFF"
    public static let darkBackground = "#17191E"

    /// The Okabe–Ito palette as published (black replaced by grey), kept for callers that used it.
    public static let okabeIto: [String] = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#7F7F7F",
    ]

    /// The CSS colour of series `index` (0-based), cycling through the palette.
    public static func seriesColor(_ index: Int) -> String {
        let slot = ((index % light.count) + light.count) % light.count
        return "var(--series-\(slot + 1), \(light[slot]))"
    }

    /// Foreground for text, axes and outlines: the page's text colour unless `--plot-fg` is set.
    public static let foreground = "var(--plot-fg, currentColor)"
    /// Grid line colour (drawn with low opacity).
    public static let grid = "var(--plot-grid, currentColor)"
}
