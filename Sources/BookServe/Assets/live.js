// NeuralBook live preview (`book serve`). Served at /_book/live.js and linked only from pages the
// preview server sends: the book's own output/ never contains it.
//
// Listens to the server's event stream (/_book/events, Server-Sent Events):
// - "state": which chapters are compiling or running (with the latest progress line the program
//   reported) and which failed. This page shows a banner while its own chapter runs, and the
//   failure over the last good version of the page until the file is fixed.
// - "reload": the pages whose bytes changed, by path in the output folder; this page reloads when
//   it is among them, keeping its scroll position.
// Every text shown comes from the server (ServeStrings), so this file holds no prose to translate.
(function () {
  "use strict";
  // The page's path in the output folder ("zh/05-initialization.html" in a translation), which
  // "reload" names, and its file name, the same in every edition, by which "state" names a
  // chapter's banner and failures.
  var path = decodeURIComponent(location.pathname).replace(/^\/+/, "");
  if (path === "" || /\/$/.test(path)) { path += "index.html"; }
  var name = path.split("/").pop();
  var scrollKey = "neuralbook-serve-scroll:" + path;

  // Scroll position: saved just before a reload, restored once the page (and its math) is laid out.
  function saveScroll() {
    try { sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY])); } catch (e) { /* storage off */ }
  }
  function restoreScroll() {
    var saved = null;
    try { saved = sessionStorage.getItem(scrollKey); sessionStorage.removeItem(scrollKey); } catch (e) { return; }
    if (!saved) { return; }
    var position = JSON.parse(saved);
    window.scrollTo(position[0], position[1]);
  }
  if (document.readyState === "complete") { restoreScroll(); } else { window.addEventListener("load", restoreScroll); }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  // The banner: which block runs, and the latest progress line.
  var banner = null;
  function showBanner(running) {
    if (!running) {
      if (banner) { banner.remove(); banner = null; }
      return;
    }
    if (!banner) {
      banner = element("div", "book-live-banner");
      banner.setAttribute("role", "status");
      banner.setAttribute("aria-live", "polite");
      document.body.appendChild(banner);
    }
    banner.textContent = "";
    banner.appendChild(element("strong", "", running.title));
    if (running.detail) { banner.appendChild(element("span", "", running.detail)); }
  }

  // The overlay: what failed, at which chapter line, over the last good page.
  var overlay = null;
  var dismissed = null;
  function removeOverlay() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function showFailure(failure, labels) {
    if (!failure) { dismissed = null; removeOverlay(); return; }
    var key = JSON.stringify(failure);
    if (key === dismissed) { removeOverlay(); return; }
    if (overlay && overlay.getAttribute("data-key") === key) { return; }
    if (overlay) { overlay.remove(); }
    overlay = element("section", "book-live-failure");
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("data-key", key);
    var header = element("header");
    header.appendChild(element("strong", "", failure.title));
    var hide = element("button", "", labels.hide);
    hide.type = "button";
    hide.addEventListener("click", function () { dismissed = key; removeOverlay(); });
    header.appendChild(hide);
    overlay.appendChild(header);
    if (failure.note) { overlay.appendChild(element("p", "", failure.note)); }
    var list = element("pre");
    list.textContent = failure.lines.join("\n");
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }

  function applyState(state) {
    showBanner(state.running[name] || null);
    showFailure(state.failures[path] || state.failures[name] || state.failures["*"] || null, state.labels);
  }

  if (typeof EventSource === "undefined") { return; }
  var source = new EventSource("/_book/events");
  var lost = false;
  // The browser check (?selfcheck) reads the page once the first state is shown: an open stream
  // would keep a headless browser's virtual clock waiting for the network forever.
  var once = /[?&]selfcheck\b/.test(location.search);
  source.addEventListener("state", function (event) {
    applyState(JSON.parse(event.data));
    if (once) { source.close(); }
  });
  source.addEventListener("reload", function (event) {
    var pages = JSON.parse(event.data).pages;
    if (pages.indexOf("*") >= 0 || pages.indexOf(path) >= 0) {
      saveScroll();
      location.reload();
    }
  });
  // The server went away (stopped, restarted): reload once it is back, since the book may have changed.
  source.addEventListener("error", function () { lost = true; });
  source.addEventListener("open", function () {
    if (lost) { saveScroll(); location.reload(); }
  });
})();
