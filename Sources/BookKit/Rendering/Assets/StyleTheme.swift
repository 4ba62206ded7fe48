/// Colours as CSS variables: light by default, dark when the system prefers it unless the reader
/// chose light with the toggle (`data-theme` on `<html>`), or when the reader chose dark.
/// `--series-*`, `--plot-fg`, `--plot-grid`, `--plot-bg` restyle the Plotting module's SVG.
enum StyleTheme {
    static let css = light + """
    :root[data-theme="dark"] {\(dark)}
    @media (prefers-color-scheme: dark) {
      :root:not([data-theme="light"]) {\(dark)}
    }

    """

    static let light = #"""
:root {
  color-scheme: light;
  --bg: #ffffff; --fg: #1f2328; --muted: #57606a; --border: #d8dee4; --accent: #0a5fb4;
  --accent-soft: #e7f0fb; --sidebar-bg: #f7f8fa; --header-bg: rgba(255,255,255,0.94);
  --code-bg: #f6f8fa; --code-fg: #24292f; --output-bg: #fcfcfd; --output-border: #b7c3d0;
  --ok: #1a7f37; --ok-bg: #e9f7ee; --fail: #c4262e; --fail-bg: #fdecec; --warn: #8a5a00; --warn-bg: #fff6dc;
  --tok-k: #a626a4; --tok-t: #986100; --tok-s: #3f8a3c; --tok-n: #9a5b00; --tok-c: #6a737d;
  --tok-l: #2f6bd8; --tok-o: #0f7a9c; --tok-a: #b35900; --tok-p: #7a4fbf;
  --series-1: #0072B2; --series-2: #D55E00; --series-3: #009E73; --series-4: #8A003A;
  --series-5: #835700; --series-6: #997CF0; --series-7: #005783; --series-8: #6D7575;
  --plot-fg: #1f2328; --plot-grid: #8c959f; --plot-bg: #ffffff;
  --font-body: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
    "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  --font-code: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono",
    "Liberation Mono", monospace;
  --header-height: 56px; --sidebar-width: 290px;
}

"""#

    /// Okabe–Ito hues lifted for a dark background (the darkest blue would vanish).
    static let dark = #"""

  color-scheme: dark;
  --bg: #17191e; --fg: #e3e6eb; --muted: #9ba3af; --border: #343943; --accent: #74b4ff;
  --accent-soft: #1d2a3b; --sidebar-bg: #1c1f25; --header-bg: rgba(23,25,30,0.94);
  --code-bg: #21252c; --code-fg: #dfe3ea; --output-bg: #1b1e24; --output-border: #4a5464;
  --ok: #5fd07f; --ok-bg: #17301f; --fail: #ff7b7b; --fail-bg: #3a1d1f; --warn: #e8b949; --warn-bg: #352b12;
  --tok-k: #d18ae6; --tok-t: #e5c07b; --tok-s: #9fd07f; --tok-n: #e0a56e; --tok-c: #8b93a1;
  --tok-l: #76b3f5; --tok-o: #5fc4d4; --tok-a: #e8a86b; --tok-p: #b79cf0;
  --series-1: #5792FF; --series-2: #E98300; --series-3: #3AF0CC; --series-4: #AF6699;
  --series-5: #FFD307; --series-6: #8357CC; --series-7: #2CBDFF; --series-8: #A8A8A0;
  --plot-fg: #e3e6eb; --plot-grid: #8b93a1; --plot-bg: #17191e;

"""#
}
