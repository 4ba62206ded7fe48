/// The reading column: headings with anchors, prose, math, code cells and their outputs,
/// figures, tables, claims, diagnostics.
enum StyleContent {
    static let css = #"""
.chapter-header { margin-bottom: 24px; }
.chapter-number { margin: 0; color: var(--muted); font-size: 0.9rem; letter-spacing: 0.06em;
  text-transform: uppercase; }
h1, h2, h3, h4 { line-height: 1.25; font-weight: 650; }
h1 { font-size: 2.2rem; margin: 0.2em 0 0.4em; letter-spacing: -0.01em; }
h2 { font-size: 1.55rem; margin: 2.2em 0 0.6em; padding-bottom: 0.25em; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.22rem; margin: 1.8em 0 0.5em; }
h2, h3, h4 { position: relative; }
.anchor { position: absolute; left: -1.1em; width: 1em; color: var(--muted); opacity: 0;
  font-weight: 400; text-decoration: none; }
h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
p, ul, ol, blockquote, table { margin: 0 0 1em; }
blockquote { margin-left: 0; padding: 2px 16px; color: var(--muted); border-left: 4px solid var(--border); }
hr { border: 0; border-top: 1px solid var(--border); margin: 2em 0; }
img { max-width: 100%; }
code { font-family: var(--font-code); font-size: 0.88em; }
:not(pre) > code { padding: 0.12em 0.35em; background: var(--code-bg); border-radius: 4px; }
article > table, .preface table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { padding: 6px 12px; border-bottom: 1px solid var(--border); }
th { text-align: left; font-weight: 600; border-bottom-width: 2px; }
.math.display { display: block; margin: 1em 0; overflow-x: auto; overflow-y: hidden; text-align: center; }
.katex { font-size: 1.08em; }
.inline-value { font-family: var(--font-code); font-size: 0.92em; padding: 0 0.25em;
  background: var(--accent-soft); border-radius: 4px; }
.inline-value.error { background: var(--fail-bg); color: var(--fail); }
.xref { white-space: nowrap; }

.cell { margin: 1.4em 0; }
.cell-header { display: flex; flex-wrap: wrap; gap: 10px; align-items: baseline; padding: 4px 12px;
  font-size: 0.76rem; color: var(--muted); background: var(--code-bg); border: 1px solid var(--border);
  border-bottom: 0; border-radius: 8px 8px 0 0; }
.cell-line { font-family: var(--font-code); }
.cell-badge { margin-left: auto; padding: 0 8px; border-radius: 10px; font-weight: 600;
  background: var(--warn-bg); color: var(--warn); }
.status-failed .cell-badge, .status-unexpected-success .cell-badge { background: var(--fail-bg); color: var(--fail); }
.status-not-run .cell-badge, .status-not-evaluated .cell-badge { background: var(--border); color: var(--muted); }
.status-not-run .code { opacity: 0.75; }
pre { margin: 0; }
pre.code { padding: 12px 14px; overflow-x: auto; font-size: 0.88rem; line-height: 1.55; color: var(--code-fg);
  background: var(--code-bg); border: 1px solid var(--border); border-radius: 0 0 8px 8px; tab-size: 4; }
.cell > .cell-header:only-child { border-bottom: 1px solid var(--border); border-radius: 8px; }
.tok-k { color: var(--tok-k); } .tok-t { color: var(--tok-t); } .tok-s { color: var(--tok-s); }
.tok-n { color: var(--tok-n); } .tok-c, .tok-cd { color: var(--tok-c); font-style: italic; }
.tok-l { color: var(--tok-l); } .tok-o { color: var(--tok-o); } .tok-a { color: var(--tok-a); }
.tok-p { color: var(--tok-p); } .tok-e { outline: 1px dashed var(--warn); }

.cell-output { margin-top: 6px; padding: 10px 14px; background: var(--output-bg);
  border: 1px solid var(--border); border-left: 3px solid var(--output-border); border-radius: 0 6px 6px 0; }
.cell-output > * + * { margin-top: 10px; }
pre.output { overflow-x: auto; font-family: var(--font-code); font-size: 0.82rem; line-height: 1.5;
  white-space: pre; }
pre.output code { font-size: inherit; }
.output-value::before { content: "="; margin-right: 0.6em; color: var(--muted); }
.output-fold summary { cursor: pointer; color: var(--muted); font-size: 0.85rem; }
.output-fold[open] summary { margin-bottom: 6px; }
.output-notice { margin: 0; font-size: 0.85rem; color: var(--warn); }

figure { margin: 0; }
.figure-body { display: flex; justify-content: center; }
.figure-body svg { max-width: 100%; height: auto; color: var(--plot-fg); }
figcaption { margin-top: 6px; font-size: 0.9rem; color: var(--muted); text-align: center; }
figure.table figcaption { margin: 0 0 6px; text-align: left; }
.float-number { font-weight: 650; color: var(--fg); }
.table-scroll { overflow-x: auto; }
.table-scroll table { border-collapse: collapse; margin: 0 auto; font-size: 0.88rem;
  font-variant-numeric: tabular-nums; }
.table-scroll td.num { text-align: right; }
:target { scroll-margin-top: calc(var(--header-height) + 12px); }
figure:target, .claim:target, .cell:target { animation: flash 1.6s ease-out; }
@keyframes flash { from { background: var(--accent-soft); } to { background: transparent; } }

.claim { padding: 4px 10px; border-radius: 6px; font-size: 0.92rem; }
.claim.passed { background: var(--ok-bg); }
.claim.failed { background: var(--fail-bg); }
.claim-mark { font-weight: 700; margin-right: 6px; }
.passed .claim-mark { color: var(--ok); } .failed .claim-mark { color: var(--fail); }
.claim-detail { display: block; margin-left: 1.5em; font-family: var(--font-code); font-size: 0.8rem;
  color: var(--muted); }
.claims-summary { margin: 0 0 28px; padding: 10px 16px; border: 1px solid var(--border);
  border-left: 4px solid var(--ok); border-radius: 8px; background: var(--sidebar-bg); font-size: 0.92rem; }
.claims-summary.has-failures { border-left-color: var(--fail); }
.claims-summary summary { cursor: pointer; }
.claims-summary ul { list-style: none; padding-left: 4px; margin: 8px 0 2px; }
.claims-summary li { padding: 2px 0; }
.claims-summary li a { color: var(--fg); }

.diagnostic { font-family: var(--font-code); font-size: 0.82rem; white-space: pre-wrap; }
.diagnostic-location { color: var(--muted); margin-right: 0.6em; }
.diagnostic-severity { font-weight: 700; margin-right: 0.5em; }
.diagnostic.error .diagnostic-severity { color: var(--fail); }
.diagnostic.warning .diagnostic-severity { color: var(--warn); }
.cell-error { padding: 8px 12px; border-radius: 6px; background: var(--fail-bg); }
.cell-error.expected { background: var(--warn-bg); }
.cell-error-title { margin: 0 0 4px; font-size: 0.9rem; }
.cell-error pre { white-space: pre-wrap; font-family: var(--font-code); font-size: 0.82rem; }

.book-index h1 { font-size: 2.5rem; }
.chapter-index ol { list-style: none; padding: 0; }
.chapter-index li { padding: 14px 0; border-bottom: 1px solid var(--border); }
.chapter-link { display: flex; gap: 0.6rem; font-size: 1.15rem; font-weight: 600; }
.chapter-link .num { min-width: 1.9rem; color: var(--muted); font-variant-numeric: tabular-nums; }
.chapter-summary { margin: 4px 0 4px 2.5rem; color: var(--muted); }
.claims-badge { display: block; margin-left: 2.5rem; font-size: 0.8rem; font-weight: 600; }
.claims-badge.passed { color: var(--ok); } .claims-badge.failed { color: var(--fail); }

"""#
}
