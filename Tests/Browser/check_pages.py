#!/usr/bin/env python3
"""Opens every page of the built book in headless Chromium and checks it like a reader would.

Usage: python3 Tests/Browser/check_pages.py OUTPUT_DIR SCREENSHOT_DIR

For every top-level *.html page of OUTPUT_DIR:
  - Chromium loads it from file:// with ?selfcheck; the page's own book.js then verifies that every
    stylesheet, script, image and font loaded and that every math element was typeset by KaTeX,
    and writes <div id="selfcheck" data-status="ok|fail" data-problems="..."> into the DOM,
    which --dump-dom reveals;
  - any JavaScript console error (including "Failed to load resource") fails the page;
  - no raw "$$" may be left in the rendered text (math that was never typeset);
  - every relative link, script, stylesheet and image must point at a file that exists, and every
    "#fragment" at an id that exists in the target page.
Then it saves screenshots of the index and of one chapter (the first with math), in light and dark
mode, for a person to look at.

A book with translated editions has them in subfolders (output/zh/...): their pages get the same
checks, and each edition's <html lang> must be its own. For each edition it also checks, through
the page's ?selfcheck probes (assets/editions.js), that the language switch of a chapter opened at
a section leads to the same section of the other edition, and that the edition's search finds a
term of its own language (for Chinese, "归一化" and "梯度消失" when the edition has them).

Python 3 standard library only; installs nothing (CI installs Debian's `chromium`). Prints one line
per check and, last, "N passed, M failed"; exits non-zero when anything failed.
"""

import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

TIMEOUT_SECONDS = 90
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser():
    for name in BROWSER_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(browser, profile, url, extra):
    command = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
               "--v=0", "--virtual-time-budget=5000", "--user-data-dir=" + profile,
               "--no-first-run", "--no-default-browser-check", "--disable-extensions",
               "--allow-file-access-from-files"] + extra + [url]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %d s" % TIMEOUT_SECONDS
    return done.stdout, done.stderr, None


# Chromium logs every console message as `[..:INFO:CONSOLE:12] "message", source: file:///x.js (12)`
# (older versions: `CONSOLE(12)`), whatever its level, so errors are recognised by their text; the
# page's self-check additionally records every console.error call and uncaught exception.
CONSOLE_LINE = re.compile(r"CONSOLE[:(]\d+\)?\]\s*\"(.*)\",\s*source:\s*(\S*)")
ERROR_MARKERS = ("Uncaught", "Failed to load resource", "NeuralBook:", "net::ERR_", "Refused to",
                 "SyntaxError", "TypeError", "ReferenceError", "RangeError", "Error:")


def console_errors(stderr):
    errors = []
    for line in stderr.splitlines():
        match = CONSOLE_LINE.search(line)
        if match:
            message, source = match.group(1), match.group(2)
            if ":ERROR:CONSOLE" in line or any(marker in message for marker in ERROR_MARKERS):
                errors.append("%s (%s)" % (message[:300], source))
        elif "net::ERR_" in line and "file://" in line:
            errors.append(line.strip()[:300])
    return errors


class PageParser(html.parser.HTMLParser):
    """Collects ids, local references, and the visible prose text: not script, style, KaTeX's TeX
    annotation, nor code and program output, where a literal "$$" is legitimate."""

    SKIP = {"script", "style", "annotation", "title", "code", "pre", "textarea"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.references = []
        self.text = []
        self.skip_depth = 0
        self.selfcheck = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
            if attributes["id"] == "selfcheck":
                self.selfcheck = (attributes.get("data-status"), attributes.get("data-problems", ""))
        for name in ("href", "src"):
            value = attributes.get(name)
            if value is not None and tag in ("a", "link", "script", "img", "source"):
                self.references.append(value)
        if tag in self.SKIP:
            self.skip_depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip_depth > 0:
            self.skip_depth -= 1

    def handle_data(self, data):
        if self.skip_depth == 0:
            self.text.append(data)


def parse(markup):
    parser = PageParser()
    parser.feed(markup)
    return parser


def broken_references(output_dir, page_name, parser, id_cache):
    problems = []
    for reference in parser.references:
        parts = urllib.parse.urlsplit(reference)
        if parts.scheme or reference.startswith("//"):
            if parts.scheme in ("http", "https"):
                continue  # external links are allowed in prose; assets must be local (checked below)
            continue
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


def check_page(browser, profile, output_dir, page_name, id_cache):
    problems = []
    path = os.path.abspath(os.path.join(output_dir, page_name))
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    problems += ["loads a network asset: " + url for url in external_assets(source)]
    problems += broken_references(output_dir, page_name, parse(source), id_cache)

    dom, stderr, failure = run_browser(browser, profile, "file://" + path + "?selfcheck", ["--dump-dom"])
    if failure:
        return problems + [failure]
    problems += ["console error: " + error for error in console_errors(stderr)]
    rendered = parse(dom)
    if rendered.selfcheck is None:
        problems.append("no #selfcheck marker in the DOM: book.js did not run to the end")
    elif rendered.selfcheck[0] != "ok":
        problems.append("self-check failed: " + rendered.selfcheck[1])
    text = "".join(rendered.text)
    if "$$" in text:
        at = text.index("$$")
        problems.append("raw $$ left in the rendered text: %r" % text[max(0, at - 40):at + 40])
    return problems


# Editions: output/<code>/ holds a translation with the same page names; lang tags per folder.
EDITION_LANG = {"": "en", "zh": "zh-Hans"}
SEARCH_TERMS = {"zh": ["归一化", "梯度消失"]}
HAN = re.compile(r"[\u4e00-\u9fff]{2}")


def edition_folders(output_dir):
    return sorted(name for name in os.listdir(output_dir)
                  if os.path.isfile(os.path.join(output_dir, name, "index.html")))


def dom_attribute(dom, name):
    match = re.search(r"<html[^>]*\s%s=\"([^\"]*)\"" % re.escape(name), dom or "")
    return html.unescape(match.group(1)) if match else None


def check_lang(output_dir, page_name):
    folder = os.path.dirname(page_name)
    with open(os.path.join(output_dir, page_name), encoding="utf-8") as handle:
        match = re.search(r"<html lang=\"([^\"]*)\"", handle.read())
    want = EDITION_LANG.get(folder)
    if want and (not match or match.group(1) != want):
        return ["<html lang> is %r, expected %r" % (match.group(1) if match else None, want)]
    return []


def check_language_switch(browser, profile, output_dir, page_name, id_cache):
    """Opens the page at its first section and asks where its language switch leads."""
    with open(os.path.join(output_dir, page_name), encoding="utf-8") as handle:
        source = handle.read()
    section = re.search(r"<h2 id=\"([^\"]+)\"", source)
    if not section:
        return ["no section to open the page at"]
    fragment = section.group(1)
    url = "file://" + os.path.abspath(os.path.join(output_dir, page_name)) + "?selfcheck#" + fragment
    dom, _, failure = run_browser(browser, profile, url, ["--dump-dom"])
    if failure:
        return [failure]
    link = dom_attribute(dom, "data-language-switch")
    if not link:
        return ["the page recorded no language switch target (editions.js did not run?)"]
    target_page, _, target_fragment = link.partition("#")
    target_fragment = urllib.parse.unquote(target_fragment)
    problems = []
    if target_fragment != fragment:
        problems.append("the language switch leads to #%s, not to the section being read, #%s" % (target_fragment, fragment))
    target = os.path.normpath(os.path.join(output_dir, os.path.dirname(page_name), target_page))
    if not os.path.isfile(target):
        return problems + ["the language switch leads to a missing page: %s" % link]
    if os.path.basename(target) != os.path.basename(page_name):
        problems.append("the language switch leads to another page: %s" % link)
    if target not in id_cache:
        with open(target, encoding="utf-8") as handle:
            id_cache[target] = parse(handle.read()).ids
    if target_fragment not in id_cache[target]:
        problems.append("the other edition has no section #%s" % target_fragment)
    return problems


def search_terms(output_dir, folder):
    index = os.path.join(output_dir, "assets", "search-index-%s.js" % folder)
    with open(index, encoding="utf-8") as handle:
        text = handle.read()
    terms = [term for term in SEARCH_TERMS.get(folder, []) if term in text]
    if not terms:
        first = HAN.search(text)
        terms = [first.group(0)] if first else []
    return terms


def check_search(browser, profile, output_dir, folder, term):
    """Searches the edition for `term` and checks the first result's page contains it."""
    url = ("file://" + os.path.abspath(os.path.join(output_dir, folder, "index.html"))
           + "?selfcheck&search=" + urllib.parse.quote(term))
    dom, _, failure = run_browser(browser, profile, url, ["--dump-dom"])
    if failure:
        return [failure]
    found = dom_attribute(dom, "data-search-results")
    if found is None:
        return ["the page recorded no search results (editions.js did not run?)"]
    results = json.loads(found)
    if not results:
        return ["searching %r found nothing" % term]
    page = os.path.join(output_dir, folder, results[0].split("#")[0])
    with open(page, encoding="utf-8") as handle:
        if term not in handle.read():
            return ["the first result for %r, %s, does not contain it" % (term, results[0])]
    return []


def take_screenshot(browser, profile, output_dir, page_name, theme, destination):
    path = os.path.abspath(os.path.join(output_dir, page_name))
    extra = ["--screenshot=" + destination, "--window-size=1280,1600", "--hide-scrollbars"]
    if theme == "dark":
        extra.append("--force-dark-mode")
    _, _, failure = run_browser(browser, profile, "file://" + path + "?theme=" + theme, extra)
    if failure:
        return [failure]
    if not os.path.isfile(destination) or os.path.getsize(destination) == 0:
        return ["no screenshot written"]
    return []


def chapter_for_screenshots(output_dir, pages):
    chapters = [p for p in pages if p != "index.html"]
    for page in chapters:
        with open(os.path.join(output_dir, page), encoding="utf-8") as handle:
            if 'class="math ' in handle.read():
                return page
    return chapters[0] if chapters else None


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2])
        return 2
    output_dir, screenshot_dir = argv[1], argv[2]
    browser = find_browser()
    if browser is None:
        print("no Chromium found (looked for %s); install it with `apt-get install -y chromium`"
              % ", ".join(BROWSER_NAMES))
        print("0 passed, 1 failed")
        return 1
    folders = edition_folders(output_dir)
    pages = sorted(name for name in os.listdir(output_dir) if name.endswith(".html"))
    edition_pages = {folder: sorted(os.path.join(folder, name) for name in os.listdir(os.path.join(output_dir, folder))
                                    if name.endswith(".html")) for folder in folders}
    os.makedirs(screenshot_dir, exist_ok=True)
    passed = failed = 0
    id_cache = {}

    def report(name, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for problem in problems:
                print("     - %s" % problem)
        else:
            passed += 1
            print("ok   %s" % name)
        sys.stdout.flush()

    with tempfile.TemporaryDirectory(prefix="neuralbook-chromium-") as profile:
        if "index.html" not in pages:
            report("index.html", ["output has no index.html"])
        for page in pages + [page for folder in folders for page in edition_pages[folder]]:
            problems = check_page(browser, profile, output_dir, page, id_cache)
            if folders:
                problems += check_lang(output_dir, page)
            report(page, problems)
        shots = [("index.html", "index")]
        chapter = chapter_for_screenshots(output_dir, pages)
        if chapter:
            shots.append((chapter, "chapter"))
        for folder in folders:
            chapters = [page for page in edition_pages[folder] if os.path.basename(page) != "index.html"]
            if chapters:
                for page in (chapters[0], os.path.basename(chapters[0])):
                    report("language switch of %s" % page, check_language_switch(browser, profile, output_dir, page, id_cache))
            for term in search_terms(output_dir, folder):
                report("search %s/ for %s" % (folder, term), check_search(browser, profile, output_dir, folder, term))
            shots.append((os.path.join(folder, "index.html"), "index-" + folder))
            edition_chapter = chapter_for_screenshots(output_dir, chapters)
            if edition_chapter:
                shots.append((edition_chapter, "chapter-" + folder))
        for page, stem in shots:
            for theme in ("light", "dark"):
                destination = os.path.abspath(os.path.join(screenshot_dir, "%s-%s.png" % (stem, theme)))
                name = "screenshot %s (%s) -> %s" % (page, theme, destination)
                report(name, take_screenshot(browser, profile, output_dir, page, theme, destination))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
