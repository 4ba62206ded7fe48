#!/usr/bin/env python3
"""Checks `book serve`'s live page script in headless Chromium.

Usage: python3 Tests/Browser/check_serve.py BOOK_BINARY SCREENSHOT_DIR

Serves a copy of the `live` fixture book (Tests/BookServeTests/Fixtures/live) with BOOK_BINARY on a
free port, then checks in one headless Chromium driven over its DevTools pipe (devtools.py), mostly
loading pages with ?selfcheck (book.js's self-check fails on any asset that did not load; console
errors fail too):
  - a chapter page as served: the self-check passes with /_book/live.js and live.css loaded;
  - the same page of the Chinese edition (the copy gets `editions: en, zh` and a catalog):
    served from zh/ with the live script, its assets from ../assets/;
  - after a trap is saved into chapter 1: the failure overlay, naming the file and line, over the
    last good page (which still shows the old output), in both editions;
  - a translated page left open (no ?selfcheck) reloads by itself when its catalog is saved;
  - while chapter 2 runs a long loop: the banner with the running block and the latest progress line.
Saves a screenshot of the overlay and of the banner. Python 3 standard library only.
Prints one line per check and, last, "N passed, M failed"; exits non-zero when anything failed.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_pages import SELF_CHECK  # noqa: E402
from devtools import Browser, DevToolsError, find_browser  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURE = os.path.join(ROOT, "Tests", "BookServeTests", "Fixtures", "live")


class Events:
    """The /_book/events stream, read from a socket."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /_book/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.text = ""

    def wait_for(self, pattern, timeout):
        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.text):
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self.sock.settimeout(min(left, 1.0))
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                continue
            if not data:
                return False
            self.text += data.decode("utf-8", "replace")
        return True


def edit(path, old, new):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert old in text, "%r not in %s" % (old, path)
    temporary = path + ".saving"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text.replace(old, new))
    os.replace(temporary, path)


def load(tab, url, ready=None, screenshot=None):
    """Opens `url` (with ?selfcheck: live.js closes its stream after the first state) and returns
    the page's DOM once `ready` (a CSS selector) matches, or after 2 s without one, and its
    problems: console errors, book.js's self-check."""
    errors = tab.navigate(url)
    problems = []
    found = tab.evaluate(WAIT_FOR % json.dumps(ready) if ready else "new Promise(r => setTimeout(() => r(true), 2000))", timeout=30)
    if not found:
        problems.append("nothing matched %s within 15 s" % ready)
    marker = tab.evaluate(SELF_CHECK, timeout=30)
    if marker is None:
        problems.append("no #selfcheck marker: book.js did not run to the end")
    elif marker[0] != "ok":
        problems.append("self-check failed: " + marker[1])
    problems += ["console error: " + error for error in errors + tab.errors()]
    if screenshot:
        tab.screenshot(screenshot, 1280, 800)
    return tab.evaluate("document.documentElement.outerHTML"), problems


WAIT_FOR = """
new Promise(resolve => {
  const started = Date.now();
  (function poll() {
    if (document.querySelector(%s)) { resolve(true); }
    else if (Date.now() - started > 15000) { resolve(false); }
    else { setTimeout(poll, 50); }
  })();
})
"""


def until(tab, expression, timeout):
    """Whether `expression` became true within `timeout` seconds, across the page's reloads."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if tab.evaluate(expression, timeout=5):
                return True
        except DevToolsError:
            pass  # the page is reloading
        time.sleep(0.2)
    return False


def checks(tab, base, events, folder, screenshot_dir, report):
    """The checks, in order, in one tab."""

    dom, problems = load(tab, base + "01-prose.html?selfcheck")
    if "/_book/live.js" not in dom:
        problems.append("the served page does not load /_book/live.js")
    if "book-live-" in dom.replace("/_book/live.", ""):
        problems.append("a banner or overlay on a page that builds and is not running")
    report("served chapter page with the live script", problems)

    dom, problems = load(tab, base + "zh/01-prose.html?selfcheck")
    if "/_book/live.js" not in dom:
        problems.append("the served translated page does not load /_book/live.js")
    if "原来的文字。" not in dom:
        problems.append("the translated page does not show the catalog's translation")
    report("served translated page (zh/) with the live script", problems)

    # A translated page left open reloads by itself when its catalog is saved (by its path, zh/...).
    problems = ["console error: " + error for error in tab.navigate(base + "zh/01-prose.html")]
    time.sleep(1)  # the event stream connects
    edit(os.path.join(folder, "chapters", "zh", "01-prose.po"), "原来的文字。", "改过的文字。")
    if not until(tab, 'document.body.textContent.includes("改过的文字。")', 30):
        problems.append("the open page did not reload with the new translation within 30 s")
    report("an open translated page reloads when its catalog is saved", problems)

    edit(os.path.join(folder, "chapters", "01-prose.md"), "let answer = 6 * 7", "let answer = [6][7]")
    if not events.wait_for(r'"01-prose\.html":\{"lines":\["chapters/01-prose\.md:\d+: Fatal error', 120):
        report("failure overlay", ["the server never reported the failure: " + events.text[-500:]])
    else:
        dom, problems = load(tab, base + "01-prose.html?selfcheck", ready="section.book-live-failure")
        overlay = re.search(r'<section class="book-live-failure"[^>]*>(.*?)</section>', dom, re.S)
        if not overlay:
            problems.append("no failure overlay in the page")
        elif not re.search(r"chapters/01-prose\.md:\d+: Fatal error: Index out of range", overlay.group(1)):
            problems.append("the overlay does not name the file and line: " + overlay.group(1)[:300])
        if 'output-value"><code>42<' not in dom:
            problems.append("the page under the overlay is not the last good one (no value 42)")
        shot = os.path.join(screenshot_dir, "serve-failure.png")
        problems += load(tab, base + "01-prose.html?selfcheck", ready="section.book-live-failure", screenshot=shot)[1]
        report("failure overlay over the last good page -> " + shot, problems)
        dom, problems = load(tab, base + "zh/01-prose.html?selfcheck", ready="section.book-live-failure")
        if '<section class="book-live-failure"' not in dom:
            problems.append("no failure overlay in the translated page")
        if 'output-value"><code>42<' not in dom:
            problems.append("the translated page under the overlay is not the last good one (no value 42)")
        report("failure overlay over the translated page too", problems)

    edit(os.path.join(folder, "chapters", "02-runs.md"), 'print("rows: \\(rows.count)")',
         'print("rows: \\(rows.count)")\nfor epoch in 1...60 { progress(epoch, of: 60); Thread.sleep(forTimeInterval: 0.5) }')
    if not events.wait_for(r'"02-runs\.html":\{"detail":"block 1 of 1, line \d+ · epoch \d+/60"', 120):
        report("running banner", ["the server never reported the run's progress: " + events.text[-500:]])
    else:
        dom, problems = load(tab, base + "02-runs.html?selfcheck", ready="div.book-live-banner")
        banner = re.search(r'<div class="book-live-banner"[^>]*>(.*?)</div>', dom, re.S)
        if not banner:
            problems.append("no running banner in the page")
        elif not re.search(r"Running chapters/02-runs\.md.*block 1 of 1, line \d+ · epoch \d+/60", banner.group(1), re.S):
            problems.append("the banner does not show the block and the progress: " + banner.group(1)[:300])
        shot = os.path.join(screenshot_dir, "serve-running.png")
        problems += load(tab, base + "02-runs.html?selfcheck", ready="div.book-live-banner", screenshot=shot)[1]
        report("running banner with block and progress -> " + shot, problems)


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2])
        return 2
    book, screenshot_dir = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    browser = find_browser()
    if browser is None:
        print("no Chromium found; install it with `apt-get install -y chromium`\n0 passed, 1 failed")
        return 1
    os.makedirs(screenshot_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="neuralbook-serve-check-")
    shutil.copytree(FIXTURE, os.path.join(work, "book"))
    folder = os.path.join(work, "book")
    edit(os.path.join(folder, "chapters", "index.md"), "title: Live fixture\n", "title: Live fixture\neditions: en, zh\n")
    os.makedirs(os.path.join(folder, "chapters", "zh"))
    with open(os.path.join(folder, "chapters", "zh", "01-prose.po"), "w", encoding="utf-8") as handle:
        handle.write('msgid ""\nmsgstr ""\n"Language: zh\\n"\n\nmsgid "Original prose."\nmsgstr "原来的文字。"\n')
    errors = open(os.path.join(work, "serve-stderr.txt"), "w")
    serve = subprocess.Popen([book, "serve", "--port", "0"], cwd=folder, stdout=subprocess.PIPE, stderr=errors, text=True)
    passed = failed = 0

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

    try:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", serve.stdout.readline())
        if not match:
            report("book serve starts", ["no URL printed; stderr: " + open(errors.name).read()[-2000:]])
            return 1
        port = int(match.group(1))
        base = "http://127.0.0.1:%d/" % port
        events = Events(port)
        events.wait_for(r"event: state", 30)
        with Browser(browser, os.path.join(work, "profile")) as chromium:
            tab = chromium.open()
            tab.emulate(1280, 800)
            checks(tab, base, events, folder, screenshot_dir, report)
            tab.close()
    except (DevToolsError, OSError) as error:
        report("the browser", ["failed: %s" % error])
    finally:
        serve.send_signal(signal.SIGINT)
        try:
            status = serve.wait(timeout=30)
            report("book serve stops on Ctrl-C", [] if status == 0 else ["exit status %d" % status])
        except subprocess.TimeoutExpired:
            serve.kill()
            report("book serve stops on Ctrl-C", ["still running 30 s after SIGINT"])
        errors.close()
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
