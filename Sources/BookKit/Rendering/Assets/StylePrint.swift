/// Print: the reading column only, code wrapped instead of cut, link targets written out,
/// folded outputs unfolded where the browser allows it.
enum StylePrint {
    static let css = #"""
@media print {
  .topbar, .sidebar, .pager, .skip-link, .anchor, #search-results { display: none !important; }
  .layout { padding-top: 0; }
  main { margin: 0; padding: 0; }
  body { font-size: 11pt; background: #fff; color: #000; }
  pre.code, pre.output { white-space: pre-wrap; word-break: break-word; overflow: visible; }
  .cell, figure, .claim { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  article a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: #555; }
  .output-fold > summary { display: none; }
  .output-fold > pre { display: block; }
}

"""#
}
