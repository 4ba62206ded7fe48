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

  function setUpSidebar() {
    var button = document.querySelector(".sidebar-toggle");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var open = document.body.classList.toggle("sidebar-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
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

  function setUpPrint() {
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details").forEach(function (d) { d.setAttribute("open", ""); });
    });
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
  setUpPrint();
  if (/(^|[?&])selfcheck\b/.test(window.location.search)) {
    window.addEventListener("load", function () {
      document.fonts.ready.then(selfCheck);
    });
  }
})();
