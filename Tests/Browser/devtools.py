"""A small Chrome DevTools Protocol client over Chromium's --remote-debugging-pipe.

Python 3 standard library only. Chromium reads JSON commands, each ended by a NUL byte, on its
descriptor 3 and writes answers and events on its descriptor 4; the browser quits when the pipe
closes. Used by check_pages.py for what --dump-dom cannot do: viewport and media emulation,
geometry, script evaluation, screenshots.
"""

import base64
import json
import os
import select
import shutil
import subprocess
import time

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser():
    for name in BROWSER_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


class DevToolsError(Exception):
    pass


class Browser:
    """One headless Chromium; `open()` gives a Tab. Use as a context manager."""

    def __init__(self, executable, profile):
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def in_child():
            # Through free numbers first, so neither end is overwritten before it is copied. The
            # copies at 3 and 4 are inheritable; every other descriptor of ours is not (PEP 446),
            # so exec closes them without close_fds.
            a, b = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(a, 3)
            os.dup2(b, 4)

        command = [executable, "--headless=new", "--disable-gpu", "--remote-debugging-pipe",
                   "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
                   "--disable-extensions", "--allow-file-access-from-files", "--hide-scrollbars",
                   "--mute-audio", "about:blank"]
        if os.geteuid() == 0:
            command.insert(1, "--no-sandbox")
        self.process = subprocess.Popen(command, close_fds=False, preexec_fn=in_child, start_new_session=True,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.process.poll() is None:
            try:
                self.call("Browser.close", timeout=5)
            except (DevToolsError, OSError):
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass

    def _read_message(self, deadline, what):
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise DevToolsError("%s: no answer from the browser in time" % what)
            ready, _, _ = select.select([self._from_browser], [], [], min(left, 1.0))
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise DevToolsError("%s: the browser closed its DevTools pipe" % what)
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None, timeout=60):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline, method)
            if "id" not in reply:
                self.events.append(reply)
                continue
            if reply["id"] != self._next_id:
                continue
            if "error" in reply:
                raise DevToolsError("%s: %s" % (method, reply["error"].get("message", reply["error"])))
            return reply.get("result", {})

    def wait_event(self, method, session, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(index).get("params", {})
            self.events.append(self._read_message(deadline, method))

    def open(self):
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Tab(self, target, session)


class Tab:
    def __init__(self, browser, target, session):
        self.browser = browser
        self.target = target
        self.session = session
        for domain in ("Page", "Runtime", "Log"):
            self.call(domain + ".enable")

    def call(self, method, params=None, timeout=60):
        return self.browser.call(method, params, self.session, timeout)

    def emulate(self, width, height, mobile=False, scale=1, media=""):
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile})
        self.call("Emulation.setTouchEmulationEnabled", {"enabled": mobile})
        self.call("Emulation.setEmulatedMedia", {"media": media})

    def navigate(self, url, timeout=60):
        """Loads `url`, waits for its load event and fonts; returns the console errors and
        exceptions of the load."""
        self.browser.events = [e for e in self.browser.events if e.get("sessionId") != self.session]
        result = self.call("Page.navigate", {"url": url})
        # A URL that differs from the open page's only by its fragment is a same-document
        # navigation: no new document, so no load event (Page.navigate then returns no loaderId).
        if "loaderId" in result:
            self.browser.wait_event("Page.loadEventFired", self.session, timeout)
        self.evaluate("document.fonts.ready.then(() => true)", timeout)
        return self.errors()

    def errors(self):
        found = []
        keep = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                keep.append(event)
                continue
            params = event.get("params", {})
            method = event.get("method")
            if method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                found.append("uncaught: " + details.get("exception", {}).get("description", details.get("text", "")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                found.append("%s (%s)" % (entry.get("text", ""), entry.get("url", "")))
        self.browser.events = keep
        return found

    def evaluate(self, expression, timeout=60):
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise DevToolsError("script failed: %s" % details.get("exception", {}).get("description", details.get("text")))
        return result.get("result", {}).get("value")

    def screenshot(self, path, width, height):
        data = self.call("Page.captureScreenshot", {"format": "png", "clip": {
            "x": 0, "y": 0, "width": width, "height": height, "scale": 1}, "captureBeyondViewport": False})["data"]
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))

    def close(self):
        try:
            self.browser.call("Target.closeTarget", {"targetId": self.target})
        except DevToolsError:
            pass
