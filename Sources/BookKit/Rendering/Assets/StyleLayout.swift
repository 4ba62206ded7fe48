/// Page skeleton: header bar, sidebar, reading column, pager; responsive below 960px, where the
/// sidebar becomes a drawer opened by the ☰ button.
enum StyleLayout {
    static let css = #"""
*, *::before, *::after { box-sizing: border-box; }
html { scroll-padding-top: calc(var(--header-height) + 12px); -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font-family: var(--font-body);
  font-size: 17px; line-height: 1.65; text-rendering: optimizeLegibility; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.skip-link { position: absolute; left: 8px; top: -48px; z-index: 100; padding: 8px 14px;
  background: var(--accent); color: var(--bg); border-radius: 4px; }
.skip-link:focus { top: 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }

.topbar { position: fixed; top: 0; left: 0; right: 0; height: var(--header-height); z-index: 20;
  display: flex; align-items: center; gap: 12px; padding: 0 16px; background: var(--header-bg);
  border-bottom: 1px solid var(--border); backdrop-filter: blur(6px); }
.book-title { font-weight: 650; font-size: 1.05rem; color: var(--fg); white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }
.icon-button { border: 1px solid var(--border); background: transparent; color: var(--fg);
  border-radius: 6px; width: 36px; height: 34px; font-size: 18px; line-height: 1; cursor: pointer; }
.icon-button:hover { background: var(--accent-soft); }
.sidebar-toggle { display: none; }
.theme-icon::before { content: "◐"; }
:root[data-theme="dark"] .theme-icon::before { content: "☀"; }
@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) .theme-icon::before { content: "☀"; } }

.search { position: relative; margin-left: auto; width: min(380px, 45vw); }
#search-input { width: 100%; height: 34px; padding: 0 12px; font: inherit; font-size: 0.92rem;
  color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; }
#search-results { position: absolute; top: 40px; right: 0; width: min(560px, 92vw); max-height: 70vh;
  overflow-y: auto; margin: 0; padding: 6px; list-style: none; background: var(--bg);
  border: 1px solid var(--border); border-radius: 8px; box-shadow: 0 8px 28px rgba(0,0,0,0.18); }
#search-results[hidden] { display: none; }
#search-results li { border-radius: 6px; }
#search-results a { display: block; padding: 7px 10px; color: var(--fg); }
#search-results a:hover { text-decoration: none; }
#search-results li[aria-selected="true"] { background: var(--accent-soft); }
#search-results .result-title { display: block; font-size: 0.8rem; color: var(--muted); }
#search-results .result-text { display: block; font-size: 0.92rem; }
#search-results mark { background: transparent; color: var(--accent); font-weight: 650; }
#search-results .no-results { padding: 8px 10px; color: var(--muted); }

.layout { padding-top: var(--header-height); }
.sidebar { position: fixed; top: var(--header-height); bottom: 0; left: 0; width: var(--sidebar-width);
  overflow-y: auto; padding: 20px 12px 40px 16px; background: var(--sidebar-bg);
  border-right: 1px solid var(--border); font-size: 0.92rem; line-height: 1.45; }
.sidebar ol { list-style: none; margin: 0; padding: 0; }
.chapter-list > li > a { display: flex; gap: 8px; padding: 6px 8px; border-radius: 6px; color: var(--fg); }
.chapter-list > li > a:hover { background: var(--accent-soft); text-decoration: none; }
.chapter-list > li.current > a { background: var(--accent-soft); color: var(--accent); font-weight: 600; }
.chapter-list .num { min-width: 1.4em; color: var(--muted); font-variant-numeric: tabular-nums; }
.toc { margin: 4px 0 8px 30px !important; border-left: 1px solid var(--border); }
.toc a { display: block; padding: 3px 10px; color: var(--muted); }
.toc a:hover, .toc a.active { color: var(--accent); text-decoration: none; }
.toc .toc-h3 a { padding-left: 24px; font-size: 0.88rem; }

main { margin-left: var(--sidebar-width); padding: 32px 40px 80px; outline: none; }
main > article, main > .pager { max-width: 820px; margin-left: auto; margin-right: auto; }
.pager { display: flex; justify-content: space-between; gap: 16px; margin-top: 56px; padding-top: 20px;
  border-top: 1px solid var(--border); }
.pager a { display: flex; flex-direction: column; padding: 10px 14px; border: 1px solid var(--border);
  border-radius: 8px; max-width: 48%; }
.pager a:hover { border-color: var(--accent); text-decoration: none; }
.pager-next { margin-left: auto; text-align: right; }
.pager-direction { font-size: 0.8rem; color: var(--muted); }

@media (max-width: 960px) {
  .sidebar-toggle { display: inline-block; }
  .sidebar { transform: translateX(-100%); transition: transform 0.2s ease; z-index: 15; visibility: hidden; }
  body.sidebar-open .sidebar { transform: none; visibility: visible; box-shadow: 4px 0 24px rgba(0,0,0,0.15); }
  main { margin-left: 0; padding: 24px 18px 64px; }
  body { font-size: 16px; }
}

"""#
}
