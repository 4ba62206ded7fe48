import Foundation

/// Text sizes that stay legible when the page shrinks a chart to fit a phone.
///
/// A book page shows a chart at `max-width: 100%` of its container. A chart whose viewBox is W
/// units wide is therefore drawn at F / W of its size on a 390 px phone whose figure container is
/// F px wide, and a text of s units renders at s × F / W CSS px. The page's text column there is
/// 358 px, but a figure sits inside a cell's output box (padding and borders), which leaves
/// F = 322 px (measured in Chromium on the built book, 2026-11-30). Every text of at least
/// `9 × W / 322` units stays at 9 CSS px or more in that box, and so also at 358 px. On a desktop
/// the chart is drawn at its own width, so those sizes are ordinary 11-16 px text.
///
/// Charts whose layout cannot hold text that large (dense grids) keep smaller text and mark the
/// root `<svg>` with `data-min-width` (see `svgDocument`) instead.
struct Typography: Equatable {
    /// Content width of a 390 px wide phone (CSS px): the text column a figure may at most fill.
    static let phoneContentWidth = 358.0
    /// The width a figure actually gets on that phone inside a cell's output box (CSS px): the
    /// width text sizes are chosen for, so charts stay legible on the page as it is.
    static let phoneFigureWidth = 322.0
    /// Smallest text size (CSS px) a reader should have to read.
    static let minimumReadableSize = 9.0
    /// Smallest size used even on wide charts that are never shrunk (desktop legibility).
    static let desktopMinimum = 11.0
    /// Largest text a dense drawing (grid of panels, diagram) uses even if a phone would need more:
    /// larger text would crowd its panels and look oversized on a desktop; such a chart asks for
    /// `data-min-width` instead.
    static let denseMaximum = 16.0
    /// Sub- and superscripts are this fraction of their parent's size, unless that is illegible.
    static let scriptScale = 0.75

    /// The smallest size that is still `minimumReadableSize` CSS px on a phone (units).
    let minimum: Double
    /// Tick labels, legend entries, annotations.
    let small: Double
    /// Axis titles.
    let label: Double
    /// Chart title.
    let title: Double

    /// Sizes for a chart laid out `width` units wide: the smallest text is
    /// max(11, 9 × width / 322) rounded up to half a unit, with 2 % to spare for rounding.
    init(width: Double) {
        let needed = Typography.minimumReadableSize * 1.02 * width / Typography.phoneFigureWidth
        minimum = needed
        small = Swift.max(Typography.desktopMinimum, (needed * 2).rounded(.up) / 2)
        label = small + 1
        title = (small * 1.2 * 2).rounded() / 2
    }

    /// Sizes given directly (for charts that cannot afford phone-sized text).
    init(minimum: Double, small: Double, label: Double, title: Double) {
        self.minimum = minimum
        self.small = small
        self.label = label
        self.title = title
    }

    /// Size of a script inside text of size `parent`: smaller, but never below `minimum`.
    func scriptSize(_ parent: Double) -> Double {
        Swift.max(minimum, parent * Typography.scriptScale)
    }

    /// Line height for text of size `size`.
    static func lineHeight(_ size: Double) -> Double { size * 1.25 }

    /// The CSS px width at which a chart `width` units wide shows text of `size` units at the
    /// minimum readable size: the value of `data-min-width`.
    static func minimumDisplayWidth(width: Double, smallestText size: Double) -> Double {
        (width * minimumReadableSize / size).rounded(.up)
    }
}

/// Approximate rendered width of `text` in pixels at `fontSize` (average glyph ~0.6 em), used to
/// size margins and legends so labels do not collide; no font metrics are available offline.
/// Label markup is measured as rendered: scripts at their smaller size, markup characters not at all.
func estimatedTextWidth(_ text: String, fontSize: Double = 12) -> Double {
    guard text.contains(where: { $0 == "_" || $0 == "^" || $0 == "\\" }) else {
        return Double(text.count) * fontSize * 0.6
    }
    return LabelMarkup(text).runs.reduce(0) { total, run in
        let scale = pow(Typography.scriptScale, Double(run.scripts.count))
        return total + Double(run.text.count) * fontSize * scale * 0.6
    }
}

/// Breaks `text` into lines no wider than `width` at `fontSize`, at spaces outside markup
/// groups; a single word wider than `width` gets a line of its own.
func wrappedLines(_ text: String, width: Double, fontSize: Double) -> [String] {
    guard estimatedTextWidth(text, fontSize: fontSize) > width else { return [text] }
    var words: [String] = []
    var current = ""
    var depth = 0
    for character in text {
        if character == "{" { depth += 1 }
        if character == "}" { depth = Swift.max(0, depth - 1) }
        if character == " " && depth == 0 {
            words.append(current)
            current = ""
        } else {
            current.append(character)
        }
    }
    words.append(current)
    var lines: [String] = []
    var line = ""
    for word in words where !word.isEmpty {
        let candidate = line.isEmpty ? word : line + " " + word
        if line.isEmpty || estimatedTextWidth(candidate, fontSize: fontSize) <= width {
            line = candidate
        } else {
            lines.append(line)
            line = word
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.isEmpty ? [text] : lines
}
