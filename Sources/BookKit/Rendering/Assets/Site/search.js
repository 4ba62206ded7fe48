// NeuralBook search: no external library, works from file://.
(function () {
  "use strict";
  window.BOOK_SEARCH_READY = true;
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (!input || !list) { return; }
  var entries = (window.BOOK_SEARCH || []).map(function (entry, index) {
    // Paragraphs and captions match on their own text, not on the section they sit in.
    var own = entry.k === "paragraph" || entry.k === "figure";
    return { entry: entry, index: index, haystack: (own ? entry.x : entry.t + " \u0001 " + entry.x).toLowerCase() };
  });
  var weight = { chapter: 40, section: 30, figure: 20, paragraph: 10 };
  var selected = -1;
  var maxResults = 12;

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function search(query) {
    var words = terms(query);
    if (words.length === 0) { return []; }
    var found = [];
    entries.forEach(function (item) {
      for (var i = 0; i < words.length; i++) {
        if (item.haystack.indexOf(words[i]) < 0) { return; }
      }
      var score = weight[item.entry.k] || 0;
      if (item.entry.x.toLowerCase().indexOf(words.join(" ")) >= 0) { score += 5; }
      found.push({ item: item, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.item.index - b.item.index; });
    return found.slice(0, maxResults).map(function (f) { return f.item.entry; });
  }

  // Appends `text` to `parent`, wrapping each occurrence of a query word in <mark>.
  function appendHighlighted(parent, text, words) {
    var lower = text.toLowerCase();
    var position = 0;
    while (position < text.length) {
      var next = -1, length = 0;
      words.forEach(function (w) {
        var at = lower.indexOf(w, position);
        if (at >= 0 && (next < 0 || at < next)) { next = at; length = w.length; }
      });
      if (next < 0) { parent.appendChild(document.createTextNode(text.slice(position))); return; }
      parent.appendChild(document.createTextNode(text.slice(position, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      parent.appendChild(mark);
      position = next + length;
    }
  }

  function snippet(text, words) {
    var at = text.toLowerCase().indexOf(words[0]);
    if (at < 0 || text.length <= 140) { return text.slice(0, 140); }
    var start = Math.max(0, at - 50);
    return (start > 0 ? "…" : "") + text.slice(start, start + 140) + "…";
  }

  function show(results, words) {
    list.textContent = "";
    selected = -1;
    if (results.length === 0) {
      var empty = document.createElement("li");
      empty.className = "no-results";
      empty.textContent = "No results";
      list.appendChild(empty);
    }
    results.forEach(function (entry, i) {
      var li = document.createElement("li");
      li.id = "search-result-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      var a = document.createElement("a");
      a.href = entry.u;
      a.tabIndex = -1;
      var title = document.createElement("span");
      title.className = "result-title";
      title.textContent = entry.k === "chapter" ? "Chapter" : entry.t;
      var text = document.createElement("span");
      text.className = "result-text";
      appendHighlighted(text, entry.k === "chapter" ? entry.t : snippet(entry.x, words), words);
      a.appendChild(title);
      a.appendChild(text);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    list.hidden = true;
    selected = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function select(index) {
    var options = list.querySelectorAll('[role="option"]');
    if (options.length === 0) { return; }
    selected = (index + options.length) % options.length;
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === selected ? "true" : "false"); });
    options[selected].scrollIntoView({ block: "nearest" });
    input.setAttribute("aria-activedescendant", options[selected].id);
  }

  input.addEventListener("input", function () {
    var words = terms(input.value);
    if (words.length === 0) { close(); return; }
    show(search(input.value), words);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); select(selected + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); select(selected - 1); }
    else if (event.key === "Escape") { close(); input.blur(); }
    else if (event.key === "Enter") {
      var options = list.querySelectorAll('[role="option"] a');
      var target = options[selected >= 0 ? selected : 0];
      if (target) { event.preventDefault(); close(); window.location.href = target.href; }
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || (event.target && event.target.isContentEditable)) { return; }
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
