import CCmarkGFM

/// What the pipeline needs from cmark-gfm's syntax tree: the top-level fenced code blocks with
/// their lines, the inline code spans in reading order, and the first heading.
struct MarkdownOutline {
    struct FencedBlock: Equatable {
        /// Fence info string (for "swift title=x" the language is "swift").
        var info: String
        var code: String
        /// Lines of the opening and closing fence (1-based, inclusive).
        var startLine: Int
        var endLine: Int
    }

    var blocks: [FencedBlock] = []
    /// Literal text of every inline code span, in reading order (cmark strips the backticks and
    /// normalises inner line breaks to spaces).
    var codeSpans: [String] = []
    /// Plain text of the first level-1 heading, if any, without its `{#label}` attributes.
    var firstHeading: String?
    /// Lines (1-based) inside code blocks at any depth, fenced or indented: never prose.
    var codeLines: Set<Int> = []

    /// Parses `markdown` with the GFM extensions a chapter may use.
    init(markdown: String) {
        let document = CmarkDocument(markdown)
        // Top-level fenced blocks become cells; blocks nested in lists or quotes stay prose.
        var child = cmark_node_first_child(document.root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK, isFenced(node) {
                blocks.append(FencedBlock(info: string(cmark_node_get_fence_info(node)),
                                          code: string(cmark_node_get_literal(node)),
                                          startLine: Int(cmark_node_get_start_line(node)),
                                          endLine: Int(cmark_node_get_end_line(node))))
            }
            child = cmark_node_next(node)
        }
        codeLines = document.codeBlockLines()
        document.forEachNode { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_CODE {
                codeSpans.append(string(cmark_node_get_literal(node)))
            } else if type == CMARK_NODE_HEADING, firstHeading == nil, cmark_node_get_heading_level(node) == 1 {
                firstHeading = HeadingAttributes(plainText(node)).text
            }
        }
    }

    /// Concatenated literal text under `node` (heading text without its Markdown).
    private func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE { text += string(cmark_node_get_literal(current)) }
            else if type == CMARK_NODE_SOFTBREAK { text += " " }
            else { text += plainText(current) }
            child = cmark_node_next(current)
        }
        return text
    }

    private func isFenced(_ node: OpaquePointer) -> Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(node, &length, &offset, &character) != 0
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String { CmarkDocument.string(pointer) }
}
