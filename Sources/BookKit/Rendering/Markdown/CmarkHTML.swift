import CCmarkGFM
import Foundation

/// Markdown to HTML with cmark-gfm and the GitHub extensions (tables, strikethrough, autolinks,
/// task lists, tag filter), the dialect chapters are written in.
///
/// Raw HTML in the Markdown is not trusted: without `CMARK_OPT_UNSAFE` cmark replaces it with
/// `<!-- raw HTML omitted -->` and drops `javascript:` links, and the tag filter escapes
/// `<script>`-like tags that would slip through. The output is therefore safe to embed raw.
enum CmarkHTML {
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// cmark-gfm's registration is a plain static flag in C; a Swift `static let` runs it exactly
    /// once even when several threads render at the same time.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    static func render(_ markdown: String) -> String {
        _ = extensionsRegistered
        // No CMARK_OPT_SMART: straight quotes stay straight in code-heavy prose. No CMARK_OPT_UNSAFE.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else {
            fatalError("cmark_parser_new returned NULL (out of memory)")
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let ext = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm extension '\(name)' is not registered; is libcmark-gfm-extensions installed?")
            }
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            fatalError("cmark_parser_finish returned NULL")
        }
        defer { cmark_node_free(root) }
        guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else {
            fatalError("cmark_render_html returned NULL")
        }
        defer { free(html) }
        return String(cString: html)
    }
}
