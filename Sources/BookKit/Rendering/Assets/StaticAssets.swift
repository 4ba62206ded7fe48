/// The site's own stylesheet and scripts, written into `assets/`. They are Swift string constants
/// (not package resources) so the renderer is a pure function of its input.
enum StaticAssets {
    static var files: [String: String] {
        [
            "assets/book.css": StyleTheme.css + StyleLayout.css + StyleContent.css + StylePrint.css,
            "assets/theme-init.js": ThemeInitScript.source,
            "assets/book.js": BookScript.source,
            "assets/search.js": SearchScript.source,
        ]
    }
}
