import Plot

/// Previous / next links at the end of a page; `book.js` also follows them on ← and →.
struct Pager {
    struct Link {
        var page: String
        var label: String
    }

    var previous: Link?
    var next: Link?
    var strings: UIStrings

    var node: Node<HTML.BodyContext> {
        .nav(.cls("pager"), .attr("aria-label", strings.pagerLabel),
             .unwrap(previous) { link in
                 .a(.cls("pager-prev"), .href(link.page), .attr("rel", "prev"),
                    .span(.cls("pager-direction"), .text(strings.previous)), .span(.escaped(link.label)))
             },
             .unwrap(next) { link in
                 .a(.cls("pager-next"), .href(link.page), .attr("rel", "next"),
                    .span(.cls("pager-direction"), .text(strings.next)), .span(.escaped(link.label)))
             })
    }
}
