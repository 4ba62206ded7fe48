#!/usr/bin/env python3
"""Opens every page of the built book in headless Chromium and checks it like a reader would, on a
laptop, on a phone and on paper.

Usage: python3 Tests/Browser/check_pages.py OUTPUT_DIR SCREENSHOT_DIR [--book BOOK --chapters DIR]

For every top-level *.html page of OUTPUT_DIR:
  - static: no network asset; every relative link, script, stylesheet and image points at a file
    that exists, and every "#fragment" at an id that exists in the target page;
  - at 1280 px: the page's own self-check (?selfcheck: every asset loaded, every formula typeset
    by KaTeX) passes, no console error or uncaught exception, no raw "$$" left in the text,
    every code block either fits its column or scrolls with a visible cue and has a copy button
    that copies its exact code, and a link to a claim inside a collapsed answer shows the claim;
  - at 390 px (a phone): the page does not scroll sideways, no chart text renders under 9 CSS px
    (measured as drawn, so a chart kept at its data-min-width counts at that width), whatever
    scrolls sideways shows a cue, the search box is at least 150 px wide and its results lie
    inside the screen, and the navigation drawer closes when a link in it or the page is tapped;
  - printed in the dark theme (print media emulated): text on claim boxes, tables, code and
    inline values has a contrast of at least 4.5:1 with what is behind it.
With --book, `BOOK pdf` prints the book (started first, it runs while the pages are checked): its
page count must be plausible and its text (pdftotext) must hold every chapter's title.
Screenshots of the index and of one chapter (the first with math) go to SCREENSHOT_DIR: 1280 px
light and dark, 390 px light and dark, printed (dark theme asked for, light on paper), and the
first pages of the PDF.

A book with translated editions has them in subfolders (output/zh/...), whose pages get the same
static checks and the 1280 px check; the index and one chapter of each edition are also checked
at 390 px and printed. Each page's <html lang> must be its edition's. For each edition, a chapter
opened at a section and its language switch followed must land on the same section of the other
edition, and the edition's search must find a term of its language (for Chinese, "归一化" and
"梯度消失" when the edition has them) on a page that has it.

Python 3 standard library only, with the DevTools protocol over Chromium's pipe (devtools.py);
CI installs Debian's `chromium`, `poppler-utils` and `fonts-noto-cjk` (so screenshots of Chinese
pages show Chinese). Prints one line per check and, last,
"N passed, M failed"; exits non-zero when anything failed.
"""

import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import Browser, DevToolsError, find_browser  # noqa: E402

DESKTOP = (1280, 1600)
PHONE = (390, 844)
MIN_SVG_TEXT_PX = 9.0
MIN_SEARCH_WIDTH = 150
MIN_CONTRAST = 4.5


class PageParser(html.parser.HTMLParser):
    """Collects ids and local references."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.references = []
        self.title = None
        self._in_h1 = False
        self._h1 = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            value = attributes.get(name)
            if value is not None and tag in ("a", "link", "script", "img", "source"):
                self.references.append(value)
        if tag == "h1" and self.title is None:
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.title = "".join(self._h1).strip()

    def handle_data(self, data):
        if self._in_h1:
            self._h1.append(data)


def parse(markup):
    parser = PageParser()
    parser.feed(markup)
    return parser


def broken_references(output_dir, page_name, parser, id_cache):
    problems = []
    for reference in parser.references:
        parts = urllib.parse.urlsplit(reference)
        if parts.scheme or reference.startswith("//"):
            continue  # external links are allowed in prose; assets must be local (checked below)
        path = urllib.parse.unquote(parts.path)
        target = os.path.normpath(os.path.join(output_dir, os.path.dirname(page_name), path) if path
                                  else os.path.join(output_dir, page_name))
        if not os.path.isfile(target):
            problems.append("missing file for %r" % reference)
            continue
        if parts.fragment and target.endswith(".html"):
            if target not in id_cache:
                with open(target, encoding="utf-8") as handle:
                    id_cache[target] = parse(handle.read()).ids
            if urllib.parse.unquote(parts.fragment) not in id_cache[target]:
                problems.append("no element with id %r for link %r" % (parts.fragment, reference))
    return problems


def external_assets(markup):
    return re.findall(r"<(?:script|link|img)[^>]+(?:src|href)=\"(https?://[^\"]+)\"", markup)


# Scripts run in the page. Each returns a list of problems (strings).

SELF_CHECK = """
new Promise(resolve => {
  const started = Date.now();
  (function poll() {
    const marker = document.getElementById('selfcheck');
    if (marker) { resolve([marker.getAttribute('data-status'), marker.getAttribute('data-problems') || '']); }
    else if (Date.now() - started > 15000) { resolve(null); }
    else { setTimeout(poll, 50); }
  })();
})
"""

RAW_MATH = """
(() => {
  const skip = new Set(['SCRIPT', 'STYLE', 'ANNOTATION', 'TITLE', 'CODE', 'PRE', 'TEXTAREA']);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let skipped = false;
    for (let e = node.parentElement; e; e = e.parentElement) { if (skip.has(e.tagName.toUpperCase())) { skipped = true; break; } }
    if (!skipped) { text += node.data; }
  }
  const at = text.indexOf('$$');
  return at < 0 ? [] : ['raw $$ left in the rendered text: ' + JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))];
})()
"""

# What scrolls sideways must be able to (overflow-x auto or scroll) and show a cue: the scroll
# shadows of content.css, a background gradient.
SCROLL_CUES = """
(selector => {
  const problems = [];
  document.querySelectorAll(selector).forEach(element => {
    if (element.scrollWidth <= element.clientWidth + 1) { return; }
    const style = getComputedStyle(element);
    const name = element.tagName.toLowerCase() + (element.className ? '.' + String(element.className).split(' ').join('.') : '');
    const where = (element.closest('[id]') || {}).id || '';
    if (!['auto', 'scroll'].includes(style.overflowX)) {
      problems.push(name + ' near #' + where + ' runs ' + (element.scrollWidth - element.clientWidth) + ' px past its column unseen');
    } else if (!style.backgroundImage.includes('gradient')) {
      problems.push(name + ' near #' + where + ' scrolls without a visible cue');
    }
  });
  return problems;
})
"""

CODE_FITS = SCROLL_CUES + "('pre.code, pre.output')"
PHONE_SCROLLERS = SCROLL_CUES + "('pre, table, .math.display, .figure-body, .table-scroll')"

# Every code block has a copy button, shown by book.js; a click hands the block's exact code to
# the clipboard (headless Chromium has no clipboard to read back, so the page's writeText is
# watched instead) and the button says so.
COPY_BUTTONS = """
(() => new Promise(resolve => {
  let copied = null;
  if (!navigator.clipboard) { Object.defineProperty(navigator, 'clipboard', {value: {}, configurable: true}); }
  navigator.clipboard.writeText = text => { copied = text; return Promise.resolve(); };
  const problems = [];
  const blocks = [...document.querySelectorAll('pre.code')];
  blocks.forEach(pre => {
    const button = pre.closest('.cell-source') && pre.closest('.cell-source').querySelector('.copy-code');
    if (!button) { problems.push('no copy button for the code near #' + ((pre.closest('[id]') || {}).id || '')); }
    else if (button.hidden) { problems.push('the copy button near #' + (pre.closest('[id]') || {}).id + ' stays hidden'); }
  });
  const first = blocks.map(pre => pre.closest('.cell-source').querySelector('.copy-code')).find(b => b && b.offsetParent);
  if (!first) { resolve(problems); return; }
  const lines = [...first.closest('.cell-source').querySelectorAll('pre.code .line')].map(line => line.textContent.replace(/\\n$/, ''));
  first.click();
  setTimeout(() => {
    if (copied !== lines.join('\\n')) { problems.push('Copy gave ' + JSON.stringify((copied || '').slice(0, 60)) + ', not the block\\'s code'); }
    if (first.textContent !== first.getAttribute('data-copied')) { problems.push('the copy button does not say it copied (it says ' + JSON.stringify(first.textContent) + ')'); }
    resolve(problems);
  }, 150);
}))()
"""

# A link to a claim inside a collapsed answer (the claims summary has one per claim) opens the
# answer and shows the claim.
HIDDEN_TARGETS = """
(() => new Promise(resolve => {
  const link = [...document.querySelectorAll('.claims-summary a[href^="#"]')].find(a => {
    const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    return target && target.closest('details:not([open])');
  });
  if (!link) { resolve([]); return; }
  const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  link.click();
  setTimeout(() => {
    const box = target.getBoundingClientRect();
    resolve(target.closest('details:not([open])') || box.height === 0 || box.top < 0 || box.top > window.innerHeight
      ? ['the link to #' + target.id + ' leaves it hidden in a collapsed answer'] : []);
  }, 150);
}))()
"""

PAGE_OVERFLOW = """
(() => {
  // The screen's width: on a phone the layout viewport (innerWidth) grows to fit content that
  // is too wide, so it cannot be the measure.
  const width = document.documentElement.clientWidth;
  const total = document.documentElement.scrollWidth;
  if (total <= width + 1) { return []; }
  // Name the elements that reach past the screen and are not inside something that scrolls.
  const culprits = [];
  document.querySelectorAll('main *').forEach(element => {
    const box = element.getBoundingClientRect();
    if (box.right <= width + 1 || box.width === 0) { return; }
    for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
      const overflow = getComputedStyle(e).overflowX;
      if (overflow !== 'visible' && overflow !== 'clip') { return; }
      if (e.getBoundingClientRect().right > width + 1 && culprits.includes(e)) { return; }
    }
    culprits.push(element);
  });
  const names = culprits.slice(0, 6).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
    + ' (' + Math.round(e.getBoundingClientRect().right) + ' px) near #' + ((e.closest('[id]') || {}).id || ''));
  return ['the page scrolls sideways: ' + total + ' px wide on a ' + width + ' px screen; ' + names.join(', ')];
})()
"""

# Effective size of every chart text as drawn: its font size in user units times the scale of
# its coordinate system on screen (viewBox scaling, transforms).
SVG_TEXT = """
(() => {
  const problems = [];
  let smallest = Infinity, counted = 0;
  document.querySelectorAll('figure svg').forEach((svg, index) => {
    let tooSmall = 0, least = Infinity;
    svg.querySelectorAll('text, tspan').forEach(text => {
      if (!text.textContent.trim() || text.getClientRects().length === 0) { return; }
      if (text.tagName === 'text' && text.querySelector('tspan') && ![...text.childNodes].some(n => n.nodeType === 3 && n.data.trim())) { return; }
      const matrix = text.getScreenCTM();
      if (!matrix) { return; }
      const scale = Math.hypot(matrix.a, matrix.b);
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      counted += 1;
      least = Math.min(least, size);
      if (size < %(minimum)s - 0.05) { tooSmall += 1; }
    });
    smallest = Math.min(smallest, least);
    if (tooSmall > 0) {
      const figure = svg.closest('figure');
      problems.push((figure && figure.id ? '#' + figure.id : 'chart ' + (index + 1)) + ': ' + tooSmall
        + ' text(s) under %(minimum)s px, smallest ' + least.toFixed(1) + ' px');
    }
  });
  return {problems: problems, smallest: smallest === Infinity ? null : smallest, counted: counted};
})()
""" % {"minimum": MIN_SVG_TEXT_PX}

SEARCH = """
(query => new Promise(resolve => {
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
  if (!input || !list) { resolve(['no search box']); return; }
  const problems = [];
  const screenWidth = document.documentElement.clientWidth;
  const box = input.getBoundingClientRect();
  if (box.width < %(minimum)s) { problems.push('the search box is ' + box.width.toFixed(0) + ' px wide (at least %(minimum)s)'); }
  if (box.left < 0 || box.right > screenWidth + 1) { problems.push('the search box lies outside the screen'); }
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(() => {
    const results = list.getBoundingClientRect();
    if (list.hidden || results.height === 0) { problems.push('no results shown for ' + JSON.stringify(query)); }
    else if (results.left < -1 || results.right > screenWidth + 1) {
      problems.push('search results span ' + results.left.toFixed(0) + '..' + results.right.toFixed(0)
        + ' px on a ' + screenWidth + ' px screen');
    }
    if (list.querySelectorAll('[role="option"]').length === 0) { problems.push('no result for ' + JSON.stringify(query)); }
    input.value = '';
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.blur();
    resolve(problems);
  }, 80);
}))
""" % {"minimum": MIN_SEARCH_WIDTH}

DRAWER = """
(() => new Promise(resolve => {
  const problems = [];
  const toggle = document.querySelector('.sidebar-toggle');
  const sidebar = document.getElementById('sidebar');
  if (!toggle || getComputedStyle(toggle).display === 'none') { resolve(['no drawer button on a phone']); return; }
  const isOpen = () => document.body.classList.contains('sidebar-open');
  const shown = () => { const box = sidebar.getBoundingClientRect(); return getComputedStyle(sidebar).visibility !== 'hidden' && box.right > 10; };
  // A tapped link navigates; keep the page, see the drawer close.
  const stay = event => event.preventDefault();
  document.addEventListener('click', stay);
  toggle.click();
  setTimeout(() => {
    if (!isOpen() || !shown()) { problems.push('the drawer does not open'); }
    const link = sidebar.querySelector('a[href^="#"]') || sidebar.querySelector('a');
    link.click();
    setTimeout(() => {
      if (isOpen()) { problems.push('the drawer stays open after a link in it is tapped'); }
      toggle.click();
      setTimeout(() => {
        document.querySelector('main').click();
        setTimeout(() => {
          if (isOpen()) { problems.push('the drawer stays open after the page is tapped'); }
          setTimeout(() => {
            if (shown()) { problems.push('the closed drawer is still on the screen'); }
            document.removeEventListener('click', stay);
            resolve(problems);
          }, 260);
        }, 30);
      }, 260);
    }, 30);
  }, 260);
}))()
"""

# WCAG 2 contrast of each text against the colour behind it (backgrounds composited up to the
# page, which is white on paper).
CONTRAST = """
(() => {
  const parse = value => { const m = value.match(/rgba?\\(([^)]+)\\)/); if (!m) { return [0, 0, 0, 0]; }
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, bottom) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]); };
  const luminance = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const background = element => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c[3] > 0) { layers.push(c); if (c[3] >= 1) { break; } } }
    let color = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) { color = over(layers[i], color); }
    return color;
  };
  const problems = [];
  let checked = 0, lowest = Infinity;
  const seen = new Set();
  document.querySelectorAll('.claim, .claims-summary, table, pre.code, pre.output, .inline-value, .cell-header, .code-fold summary').forEach(scope => {
    [scope, ...scope.querySelectorAll('*')].forEach(element => {
      if (seen.has(element)) { return; }
      seen.add(element);
      if (![...element.childNodes].some(n => n.nodeType === 3 && n.data.trim())) { return; }
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none' || element.getClientRects().length === 0) { return; }
      const back = background(element);
      const fore = over(parse(style.color), back);
      const l1 = luminance(fore), l2 = luminance(back);
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      checked += 1;
      lowest = Math.min(lowest, ratio);
      if (ratio < %(minimum)s && problems.length < 6) {
        problems.push(element.tagName.toLowerCase() + '.' + String(element.className).split(' ')[0] + ' ' + JSON.stringify(element.textContent.trim().slice(0, 30))
          + ': contrast ' + ratio.toFixed(2) + ' (' + style.color + ' on rgb(' + back.slice(0, 3).map(Math.round).join(', ') + '))');
      }
    });
  });
  return {problems: problems, checked: checked, lowest: lowest === Infinity ? null : lowest};
})()
""" % {"minimum": MIN_CONTRAST}


def search_word(title):
    han = HAN.search(title or "")
    if han:
        return han.group(0)
    words = [w for w in re.findall(r"[A-Za-z]{5,}", title or "")]
    return words[0].lower() if words else "the"


# Editions: output/<code>/ holds a translation with the same page names.
EDITION_LANG = {"": "en", "zh": "zh-Hans"}
SEARCH_TERMS = {"zh": ["归一化", "梯度消失"]}
HAN = re.compile(r"[\u4e00-\u9fff]{2}")


def edition_folders(output_dir):
    return sorted(name for name in os.listdir(output_dir)
                  if os.path.isfile(os.path.join(output_dir, name, "index.html")))


def check_lang(page_name, source):
    """The page declares its edition's language."""
    match = re.search(r"<html lang=\"([^\"]*)\"", source)
    want = EDITION_LANG.get(os.path.dirname(page_name))
    if want and (not match or match.group(1) != want):
        return ["<html lang> is %r, expected %r" % (match.group(1) if match else None, want)]
    return []


# The language switch's link once followed: editions.js adds the section being read to it in its
# click handler; navigation is held back so the tab can follow the link itself.
FOLLOW_SWITCH = """
(() => new Promise(resolve => {
  const link = document.querySelector('a.language-switch');
  if (!link) { resolve(null); return; }
  const hold = event => event.preventDefault();
  document.addEventListener('click', hold);
  link.click();
  document.removeEventListener('click', hold);
  resolve(link.href);
}))()
"""

# Types a query into the search box and returns the results' links.
SEARCH_RESULTS = """
(query => new Promise(resolve => {
  const input = document.getElementById('search-input');
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(() => resolve([...document.querySelectorAll('#search-results [role="option"] a')].map(a => a.href)), 80);
}))
"""


class Checker:
    def __init__(self, output_dir, screenshot_dir):
        self.output_dir = output_dir
        self.screenshot_dir = screenshot_dir
        self.passed = 0
        self.failed = 0
        self.notes = []

    def report(self, name, problems, note=""):
        if problems:
            self.failed += 1
            print("FAIL %s" % name)
            for problem in problems:
                print("     - %s" % problem)
        else:
            self.passed += 1
            print("ok   %s%s" % (name, ("  (" + note + ")") if note else ""))
        sys.stdout.flush()

    def url(self, page, query=""):
        return "file://" + os.path.abspath(os.path.join(self.output_dir, page)) + query

    def guarded(self, name, check):
        try:
            problems, note = check()
        except (DevToolsError, OSError) as error:
            problems, note = ["the browser failed: %s" % error], ""
        self.report(name, problems, note)

    def desktop(self, tab, page):
        tab.emulate(*DESKTOP)
        errors = tab.navigate(self.url(page, "?selfcheck&theme=light"))
        problems = []
        marker = tab.evaluate(SELF_CHECK, timeout=30)
        if marker is None:
            problems.append("no #selfcheck marker: book.js did not run to the end")
        elif marker[0] != "ok":
            problems.append("self-check failed: " + marker[1])
        problems += ["console error: " + e for e in errors + tab.errors()]
        problems += tab.evaluate(RAW_MATH)
        problems += tab.evaluate(CODE_FITS)
        problems += tab.evaluate(COPY_BUTTONS, timeout=10)
        problems += tab.evaluate(HIDDEN_TARGETS, timeout=10)
        code_blocks = tab.evaluate("document.querySelectorAll('pre.code').length")
        return problems, "%d code blocks" % code_blocks

    def phone(self, tab, page, title):
        tab.emulate(*PHONE, mobile=True)
        errors = tab.navigate(self.url(page, "?theme=light"))
        problems = ["console error: " + e for e in errors]
        problems += tab.evaluate(PAGE_OVERFLOW)
        svg = tab.evaluate(SVG_TEXT)
        problems += svg["problems"]
        problems += tab.evaluate(PHONE_SCROLLERS)
        problems += tab.evaluate("(%s)(%s)" % (SEARCH.strip(), json.dumps(search_word(title))), timeout=10)
        problems += tab.evaluate(DRAWER, timeout=10)
        note = "%d chart texts, smallest %.1f px" % (svg["counted"], svg["smallest"]) if svg["smallest"] else "no charts"
        return problems, note

    def printed(self, tab, page):
        tab.emulate(*DESKTOP, media="print")
        errors = tab.navigate(self.url(page, "?theme=dark"))
        problems = ["console error: " + e for e in errors]
        contrast = tab.evaluate(CONTRAST)
        problems += contrast["problems"]
        note = "%d texts, lowest contrast %.1f" % (contrast["checked"], contrast["lowest"]) if contrast["lowest"] else "no text checked"
        return problems, note

    def language_switch(self, tab, page):
        """Opens `page` at its third section (or its first), follows the language switch, and
        checks the other edition's page opens at the same section."""
        with open(os.path.join(self.output_dir, page), encoding="utf-8") as handle:
            sections = re.findall(r"<h2 id=\"([^\"]+)\"", handle.read())
        if not sections:
            return ["no section to open the page at"], ""
        fragment = sections[min(2, len(sections) - 1)]
        tab.emulate(*DESKTOP)
        errors = tab.navigate(self.url(page, "#" + fragment))
        link = tab.evaluate(FOLLOW_SWITCH, timeout=10)
        if not link:
            return ["no language switch on the page"] + errors, ""
        parts = urllib.parse.urlsplit(link)
        problems = ["console error: " + e for e in errors]
        if urllib.parse.unquote(parts.fragment) != fragment:
            problems.append("the switch leads to #%s, not to the section being read, #%s" % (parts.fragment, fragment))
        if os.path.basename(parts.path) != os.path.basename(page):
            problems.append("the switch leads to another page: %s" % link)
        problems += tab.navigate(link)
        landed = tab.evaluate("(() => { const t = document.getElementById(decodeURIComponent(location.hash.slice(1)));"
                              " return t ? [document.documentElement.lang, Math.round(t.getBoundingClientRect().top)] : null; })()")
        if landed is None:
            problems.append("the other edition has no section #%s" % fragment)
        elif not 0 <= landed[1] < DESKTOP[1] / 2:
            problems.append("the section is not at the top of the window (%d px)" % landed[1])
        return problems, "%s -> %s" % (fragment, os.path.relpath(urllib.parse.unquote(parts.path), os.path.abspath(self.output_dir)))

    def search_edition(self, tab, folder, term):
        """The edition's search finds `term`, and its first result's page has it."""
        tab.emulate(*DESKTOP)
        problems = ["console error: " + e for e in tab.navigate(self.url(os.path.join(folder, "index.html")))]
        results = tab.evaluate("(%s)(%s)" % (SEARCH_RESULTS.strip(), json.dumps(term)), timeout=10)
        if not results:
            return problems + ["searching %r found nothing" % term], ""
        page = urllib.parse.unquote(urllib.parse.urlsplit(results[0]).path)
        with open(page, encoding="utf-8") as handle:
            if term not in handle.read():
                problems.append("the first result for %r, %s, does not contain it" % (term, results[0]))
        return problems, "%d results, first %s" % (len(results), os.path.relpath(page, os.path.abspath(self.output_dir)))

    def screenshots(self, tab, page, stem):
        shots = []
        for theme in ("light", "dark"):
            tab.emulate(*DESKTOP)
            tab.navigate(self.url(page, "?theme=" + theme))
            path = os.path.join(self.screenshot_dir, "%s-%s.png" % (stem, theme))
            tab.screenshot(path, *DESKTOP)
            shots.append(path)
            tab.emulate(*PHONE, mobile=True)
            tab.navigate(self.url(page, "?theme=" + theme))
            path = os.path.join(self.screenshot_dir, "%s-phone-%s.png" % (stem, theme))
            tab.screenshot(path, *PHONE)
            shots.append(path)
        tab.emulate(*DESKTOP, media="print")
        tab.navigate(self.url(page, "?theme=dark"))
        path = os.path.join(self.screenshot_dir, "%s-print.png" % stem)
        tab.screenshot(path, *DESKTOP)
        shots.append(path)
        tab.emulate(*DESKTOP)
        missing = [p for p in shots if not os.path.isfile(p) or os.path.getsize(p) == 0]
        return ["no screenshot written: " + p for p in missing], "%d screenshots" % len(shots)


def chapter_for_screenshots(output_dir, pages):
    chapters = [p for p in pages if os.path.basename(p) != "index.html"]
    for page in chapters:
        with open(os.path.join(output_dir, page), encoding="utf-8") as handle:
            if 'class="math ' in handle.read():
                return page
    return chapters[0] if chapters else None


def normalized(text):
    return " ".join(unicodedata.normalize("NFKC", text).split())


class PDFCheck:
    """`book pdf` into a scratch folder, started first so it prints while the pages are checked."""

    def __init__(self, book, chapters_dir):
        self.scratch = tempfile.mkdtemp(prefix="neuralbook-pdf-check-")
        self.pdf = os.path.join(self.scratch, "book.pdf")
        self.started = time.monotonic()
        self.missing = [tool for tool in ("pdfinfo", "pdftotext") if shutil.which(tool) is None]
        self.process = None
        if not self.missing:
            self.process = subprocess.Popen(
                [book, "pdf", "--chapters", chapters_dir, "--site", os.path.join(self.scratch, "site"), "--output", self.pdf],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def finish(self, titles, screenshot_dir):
        try:
            if self.missing:
                return ["no %s (install poppler-utils)" % ", ".join(self.missing)], ""
            try:
                output, _ = self.process.communicate(timeout=900)
            except subprocess.TimeoutExpired:
                self.process.kill()
                output, _ = self.process.communicate()
                return ["book pdf did not finish in 15 minutes"], ""
            seconds = time.monotonic() - self.started
            if self.process.returncode != 0 or not os.path.isfile(self.pdf):
                return ["book pdf failed (status %d): %s" % (self.process.returncode, output[-1500:])], ""
            info = subprocess.run(["pdfinfo", self.pdf], capture_output=True, text=True).stdout
            pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
            problems = []
            # A title page, the contents, then every chapter on a page of its own at least; more
            # than 80 pages a chapter is a layout gone wrong.
            if not len(titles) + 2 <= pages <= 80 * max(1, len(titles)) + 10:
                problems.append("%d pages is not plausible for %d chapters" % (pages, len(titles)))
            text = normalized(subprocess.run(["pdftotext", "-enc", "UTF-8", self.pdf, "-"],
                                             capture_output=True, text=True).stdout)
            for title in titles:
                if normalized(title) not in text:
                    problems.append("the PDF's text lacks the chapter title %r" % title)
            subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "4", self.pdf,
                            os.path.join(screenshot_dir, "pdf-page")], capture_output=True)
            return problems, "%d pages, %.1f MB, written in %.0f s" % (pages, os.path.getsize(self.pdf) / 1e6, seconds)
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)


def check_pages(checker, browser_path, pages, titles, output_dir, editions):
    """Every page at 1280 px, at 390 px and printed (a translation's index and one chapter at
    390 px and printed), each edition's language switch and search, then the screenshots, in one
    browser."""
    with tempfile.TemporaryDirectory(prefix="neuralbook-chromium-") as profile, Browser(browser_path, profile) as browser:
        tab = browser.open()
        samples = set()
        for folder, edition_pages in editions.items():
            samples.add(os.path.join(folder, "index.html"))
            chapter = chapter_for_screenshots(output_dir, edition_pages)
            if chapter:
                samples.add(chapter)
        for page in pages + [page for edition_pages in editions.values() for page in edition_pages]:
            checker.guarded("%s at 1280 px" % page, lambda: checker.desktop(tab, page))
            if os.path.dirname(page) and page not in samples:
                continue
            checker.guarded("%s at 390 px" % page, lambda: checker.phone(tab, page, titles[page]))
            checker.guarded("%s printed in the dark theme" % page, lambda: checker.printed(tab, page))
        shots = [("index.html", "index")]
        chapter = chapter_for_screenshots(output_dir, pages)
        if chapter:
            shots.append((chapter, "chapter"))
        for folder, edition_pages in editions.items():
            chapter = chapter_for_screenshots(output_dir, edition_pages)
            for page in ([chapter, os.path.basename(chapter)] if chapter else []):
                checker.guarded("language switch of %s" % page, lambda: checker.language_switch(tab, page))
            with open(os.path.join(output_dir, "assets", "search-index-%s.js" % folder), encoding="utf-8") as handle:
                index = handle.read()
            terms = [term for term in SEARCH_TERMS.get(folder, []) if term in index] or HAN.findall(index)[:1]
            for term in terms:
                checker.guarded("search of %s/ for %s" % (folder, term), lambda: checker.search_edition(tab, folder, term))
            shots.append((os.path.join(folder, "index.html"), "index-" + folder))
            if chapter:
                shots.append((chapter, "chapter-" + folder))
        for page, stem in shots:
            checker.guarded("screenshots of %s -> %s" % (page, os.path.abspath(checker.screenshot_dir)),
                            lambda: checker.screenshots(tab, page, stem))
        tab.close()


def main(argv):
    arguments = argv[1:]
    book = chapters_dir = None
    if "--book" in arguments:
        at = arguments.index("--book")
        book = arguments[at + 1]
        del arguments[at:at + 2]
    if "--chapters" in arguments:
        at = arguments.index("--chapters")
        chapters_dir = arguments[at + 1]
        del arguments[at:at + 2]
    if len(arguments) != 2:
        print(__doc__.strip().splitlines()[3])
        return 2
    output_dir, screenshot_dir = arguments
    started = time.monotonic()
    checker = Checker(output_dir, screenshot_dir)
    browser_path = find_browser()
    if browser_path is None:
        print("no Chromium found; install it with `apt-get install -y chromium`")
        print("0 passed, 1 failed")
        return 1
    pages = sorted(name for name in os.listdir(output_dir) if name.endswith(".html"))
    editions = {folder: sorted(os.path.join(folder, name) for name in os.listdir(os.path.join(output_dir, folder))
                               if name.endswith(".html")) for folder in edition_folders(output_dir)}
    os.makedirs(screenshot_dir, exist_ok=True)
    if "index.html" not in pages:
        checker.report("index.html", ["output has no index.html"])

    pdf = PDFCheck(book, chapters_dir or "chapters") if book else None
    id_cache = {}
    titles = {}
    for page in pages + [page for edition_pages in editions.values() for page in edition_pages]:
        with open(os.path.join(output_dir, page), encoding="utf-8") as handle:
            source = handle.read()
        parsed = parse(source)
        titles[page] = parsed.title
        problems = ["loads a network asset: " + url for url in external_assets(source)]
        problems += broken_references(output_dir, page, parsed, id_cache)
        if editions:
            problems += check_lang(page, source)
        checker.report("%s links and assets" % page, problems)

    try:
        check_pages(checker, browser_path, pages, titles, output_dir, editions)
    except BaseException:
        if pdf and pdf.process and pdf.process.poll() is None:
            pdf.process.kill()              # the browser it started quits with it (its pipe closes)
        raise

    if pdf:
        chapter_titles = [titles[p] for p in pages if p != "index.html" and titles[p]]
        problems, note = pdf.finish(chapter_titles, screenshot_dir)
        checker.report("book pdf", problems, note)
    print("%d passed, %d failed (%.0f s)" % (checker.passed, checker.failed, time.monotonic() - started))
    return 0 if checker.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
