import Foundation
import CCmarkGFM

/// One parsed cmark-gfm document, with the GitHub extensions chapters are written in (tables,
/// strikethrough, autolinks, task lists, tag filter). Parsing reads its tree (`MarkdownOutline`),
/// rendering turns it into HTML (`CmarkHTML`); both go through this one wrapper, so they always
/// agree on the dialect.
///
/// Raw HTML in the Markdown is not trusted: without `CMARK_OPT_UNSAFE` cmark replaces it with
/// `<!-- raw HTML omitted -->` and drops `javascript:` links, and the tag filter escapes
/// `<script>`-like tags that would slip through. No `CMARK_OPT_SMART`: straight quotes stay
/// straight in code-heavy prose.
final class CmarkDocument {
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    /// cmark-gfm's registration is a plain static flag in C; a Swift `static let` runs it exactly
    /// once even when several threads parse at the same time.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    private let parser: OpaquePointer
    /// The document node; valid while this object lives.
    let root: OpaquePointer

    init(_ markdown: String) {
        _ = Self.extensionsRegistered
        guard let parser = cmark_parser_new(Self.options) else { fatalError("cmark_parser_new returned NULL (out of memory)") }
        for name in Self.extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm extension '\(name)' is not registered; is libcmark-gfm-extensions installed?")
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish returned NULL") }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The document as HTML.
    func html() -> String {
        guard let html = cmark_render_html(root, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
            fatalError("cmark_render_html returned NULL")
        }
        defer { free(html) }
        return String(cString: html)
    }

    /// Calls `visit` for every node on entering it, in document order.
    func forEachNode(_ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    /// 1-based lines covered by code blocks, fenced or indented, at any depth (in lists and
    /// quotes too): the lines whose text is code, not prose.
    func codeBlockLines() -> Set<Int> {
        var lines: Set<Int> = []
        forEachNode { node in
            guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { return }
            let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
            if start <= end { lines.formUnion(start...end) }
        }
        return lines
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
