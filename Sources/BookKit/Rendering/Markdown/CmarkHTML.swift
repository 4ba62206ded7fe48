/// Markdown to HTML in the chapters' dialect (see `CmarkDocument`). The output is safe to embed
/// raw: cmark drops raw HTML and `javascript:` links, the tag filter escapes the rest.
enum CmarkHTML {
    static func render(_ markdown: String) -> String {
        CmarkDocument(markdown).html()
    }
}
