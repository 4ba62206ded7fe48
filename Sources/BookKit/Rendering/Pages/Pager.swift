import Plot

/// Previous / next links at the end of a page; `book.js` also follows them on ← and →.
struct Pager {
    struct Link {
        var page: String
        var label: String
    }

    var previous: Link?
    var next: Link?

    var node: Node<HTML.BodyContext> {
        .nav(.cls("pager"), .attr("aria-label", "Previous and next chapter"),
             .unwrap(previous) { link in
                 .a(.cls("pager-prev"), .href(link.page), .attr("rel", "prev"),
                    .span(.cls("pager-direction"), .text("← Previous")), .span(.escaped(link.label)))
             },
             .unwrap(next) { link in
                 .a(.cls("pager-next"), .href(link.page), .attr("rel", "next"),
                    .span(.cls("pager-direction"), .text("Next →")), .span(.escaped(link.label)))
             })
    }
}
