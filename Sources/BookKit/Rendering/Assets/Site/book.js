// NeuralBook page script. No network, no external libraries besides the local KaTeX copy.
(function () {
  "use strict";
  var root = document.documentElement;

  // Math: each .math element holds its TeX as text. Errors are logged (the browser check fails
  // on console errors) and then shown in place, in red, by KaTeX's non-throwing mode.
  function typesetMath() {
    var elements = document.querySelectorAll(".math");
    if (elements.length === 0) { return; }
    if (typeof katex === "undefined") {
      console.error("NeuralBook: KaTeX did not load; math is shown as TeX");
      return;
    }
    elements.forEach(function (element) {
      var tex = element.textContent;
      var display = element.classList.contains("display");
      try {
        katex.render(tex, element, { displayMode: display, throwOnError: true });
      } catch (error) {
        console.error("NeuralBook: KaTeX could not typeset " + JSON.stringify(tex) + ": " + error.message);
        katex.render(tex, element, { displayMode: display, throwOnError: false });
      }
    });
  }

  function currentTheme() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) { return chosen; }
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function setUpThemeToggle() {
    var button = document.getElementById("theme-toggle");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { window.localStorage.setItem("neuralbook-theme", next); } catch (e) { /* file:// may forbid storage */ }
    });
  }

  function isTyping(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function setUpKeyboard() {
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTyping(event.target)) { return; }
      var rel = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : null;
      if (!rel) { return; }
      var link = document.querySelector('.pager a[rel="' + rel + '"]');
      if (link) { window.location.href = link.href; }
    });
  }

  // The drawer (below 960 px): the ☰ button opens and closes it; a link in it, a tap anywhere
  // outside it (the backdrop) and Escape close it.
  function setUpSidebar() {
    var button = document.querySelector(".sidebar-toggle");
    var sidebar = document.getElementById("sidebar");
    if (!button || !sidebar) { return; }
    function setOpen(open) {
      document.body.classList.toggle("sidebar-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      setOpen(!document.body.classList.contains("sidebar-open"));
    });
    sidebar.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) { setOpen(false); }
    });
    document.addEventListener("click", function (event) {
      if (!document.body.classList.contains("sidebar-open")) { return; }
      if (sidebar.contains(event.target) || button.contains(event.target)) { return; }
      setOpen(false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && document.body.classList.contains("sidebar-open")) {
        setOpen(false);
        button.focus();
      }
    });
  }

  // Copy buttons (rendered hidden, shown here since they need this script). The code is the
  // text of its lines, one per element (CodeLines.swift), each but the last ending in "\n".
  function setUpCopyButtons() {
    document.querySelectorAll(".copy-code").forEach(function (button) {
      var cell = button.closest(".cell-source");
      var code = cell && cell.querySelector("pre.code code");
      if (!code) { return; }
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = code.textContent;
        var done = function () {
          button.textContent = button.getAttribute("data-copied") || label;
          button.classList.add("copied");
          setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 1600);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, function () { copyWithSelection(text) && done(); });
        } else if (copyWithSelection(text)) {
          done();
        }
      });
    });
  }

  // The fallback where the Clipboard API is missing or refused.
  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    document.body.removeChild(area);
    return copied;
  }

  // What scrolls sideways (wide tables, formulas, charts, program output) is marked, so it can
  // take the keyboard focus (arrow keys scroll it) and a wide chart shows its enlarge button.
  var scrollers = ".table-scroll, article > table, .preface table, .math.display, figure.wide .figure-body, pre.output";
  function markOverflow() {
    document.querySelectorAll(scrollers).forEach(function (element) {
      var overflowing = element.scrollWidth > element.clientWidth + 1;
      element.classList.toggle("is-overflowing", overflowing);
      if (overflowing) {
        if (!element.hasAttribute("tabindex")) { element.setAttribute("tabindex", "0"); element.setAttribute("data-focusable", ""); }
      } else if (element.hasAttribute("data-focusable")) {
        element.removeAttribute("tabindex");
        element.removeAttribute("data-focusable");
      }
      var figure = element.closest("figure.wide");
      if (figure) {
        var button = figure.querySelector(".figure-enlarge");
        if (button) { button.hidden = !overflowing; }
      }
    });
  }

  function setUpOverflow() {
    markOverflow();
    var pending = null;
    window.addEventListener("resize", function () {
      if (pending) { clearTimeout(pending); }
      pending = setTimeout(markOverflow, 120);
    });
  }

  // A wide chart on a narrow screen: the enlarge button shows it on a screen of its own, at its
  // full width, scrolling both ways; Close, Escape or the back of the dialog return.
  function setUpEnlarge() {
    document.querySelectorAll(".figure-enlarge").forEach(function (button) {
      button.addEventListener("click", function () {
        var figure = button.closest("figure");
        var svg = figure && figure.querySelector(".figure-body svg");
        if (!svg || typeof HTMLDialogElement === "undefined") { return; }
        var dialog = document.createElement("dialog");
        dialog.className = "figure-dialog";
        var close = document.createElement("button");
        close.type = "button";
        close.className = "figure-dialog-close";
        close.textContent = button.getAttribute("data-close") || "×";
        var body = document.createElement("div");
        body.className = "figure-dialog-body";
        var copy = svg.cloneNode(true);
        var viewBox = svg.viewBox && svg.viewBox.baseVal;
        var minimum = parseFloat(svg.getAttribute("data-min-width")) || 0;
        var width = Math.max(minimum, viewBox && viewBox.width ? viewBox.width : 0);
        if (width > 0) { copy.style.width = width + "px"; copy.style.maxWidth = "none"; copy.style.minWidth = "0"; }
        body.appendChild(copy);
        dialog.appendChild(close);
        dialog.appendChild(body);
        document.body.appendChild(dialog);
        close.addEventListener("click", function () { dialog.close(); });
        dialog.addEventListener("close", function () { dialog.remove(); button.focus(); });
        dialog.showModal();
      });
    });
  }

  // Highlights the section being read in the sidebar's table of contents.
  function setUpActiveSection() {
    var links = Array.prototype.slice.call(document.querySelectorAll(".toc a"));
    if (links.length === 0 || !("IntersectionObserver" in window)) { return; }
    var byId = {};
    links.forEach(function (link) { byId[decodeURIComponent(link.hash.slice(1))] = link; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting || !byId[entry.target.id]) { return; }
        links.forEach(function (link) { link.classList.remove("active"); });
        byId[entry.target.id].classList.add("active");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) {
      var heading = document.getElementById(id);
      if (heading) { observer.observe(heading); }
    });
  }

  // A link to something inside a collapsed answer or folded block (the claims summary links to
  // every claim) opens what hides it, then shows it.
  function revealTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    var opened = false;
    for (var element = target.parentElement; element; element = element.parentElement) {
      if (element.tagName === "DETAILS" && !element.open) { element.open = true; opened = true; }
    }
    if (opened) { target.scrollIntoView(); }
  }

  function setUpTargets() {
    window.addEventListener("hashchange", revealTarget);
    revealTarget();
  }

  // Printing opens folded outputs and answers; folded code stays folded as on screen, unless the
  // page asks for it expanded (`book pdf --expand-code` sets the class on <html>).
  function openForPrint() {
    var expandCode = root.classList.contains("print-expand-code");
    document.querySelectorAll("details").forEach(function (d) {
      if (expandCode || !d.classList.contains("code-fold")) { d.setAttribute("open", ""); }
    });
  }

  function setUpPrint() {
    window.addEventListener("beforeprint", openForPrint);
    if (root.classList.contains("print-book")) { openForPrint(); }
  }

  // ?selfcheck: after everything loaded, list what went wrong into #selfcheck for --dump-dom.
  function selfCheck() {
    var problems = (window.BOOK_PROBLEMS || []).slice();
    document.querySelectorAll("img").forEach(function (img) {
      if (!img.complete || img.naturalWidth === 0) { problems.push("image did not load: " + img.src); }
    });
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      if (!link.sheet) { problems.push("stylesheet did not load: " + link.href); }
    });
    if (typeof window.BOOK_SEARCH === "undefined") { problems.push("search index did not load"); }
    if (typeof window.BOOK_SEARCH_READY === "undefined") { problems.push("search script did not load"); }
    document.querySelectorAll(".math").forEach(function (element) {
      if (!element.querySelector(".katex")) { problems.push("math not typeset: " + element.textContent.slice(0, 80)); }
      if (element.querySelector(".katex-error")) { problems.push("math error: " + element.textContent.slice(0, 80)); }
    });
    document.fonts.forEach(function (font) {
      if (font.status === "error") { problems.push("font did not load: " + font.family); }
    });
    var marker = document.createElement("div");
    marker.id = "selfcheck";
    marker.hidden = true;
    marker.setAttribute("data-status", problems.length === 0 ? "ok" : "fail");
    marker.setAttribute("data-problems", problems.join(" | "));
    document.body.appendChild(marker);
  }

  typesetMath();
  setUpThemeToggle();
  setUpKeyboard();
  setUpSidebar();
  setUpActiveSection();
  setUpCopyButtons();
  setUpTargets();
  setUpEnlarge();
  setUpOverflow();
  setUpPrint();
  // Math and fonts change widths once they are in: look again.
  window.addEventListener("load", function () {
    markOverflow();
    if (document.fonts && document.fonts.ready) { document.fonts.ready.then(markOverflow); }
  });
  if (/(^|[?&])selfcheck\b/.test(window.location.search)) {
    window.addEventListener("load", function () {
      document.fonts.ready.then(selfCheck);
    });
  }
})();
