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

  // Chinese text has no spaces between words, so its runs of Han characters are matched by
  // character bigrams (pairs of neighbours), as full-text engines index CJK text (Lucene's CJK
  // analyzer): a run matches an entry that contains it, or most of its bigrams, which also finds
  // a term written a little differently (批量归一化 / 批归一化); a single character matches where
  // it occurs (a unigram). Other words match where they occur in the text, as prefixes do.
  var hanRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

  function bigrams(run) {
    var grams = [];
    for (var i = 0; i + 1 < run.length; i++) { grams.push(run.slice(i, i + 2)); }
    return grams;
  }

  // The query's words (without Han characters) and Han runs, and what to highlight.
  function terms(query) {
    var lower = query.toLowerCase();
    var runs = lower.match(hanRun) || [];
    var words = lower.replace(hanRun, " ").split(/\s+/).filter(function (t) { return t.length > 0; });
    var highlight = words.concat(runs);
    runs.forEach(function (run) { highlight = highlight.concat(bigrams(run)); });
    return { words: words, runs: runs, highlight: highlight };
  }

  function bigramSet(item) {
    if (!item.bigrams) {
      item.bigrams = {};
      (item.haystack.match(hanRun) || []).forEach(function (run) {
        bigrams(run).forEach(function (gram) { item.bigrams[gram] = true; });
      });
    }
    return item.bigrams;
  }

  // How well an entry matches (higher is better), or -1 when it does not.
  function match(item, query) {
    for (var i = 0; i < query.words.length; i++) {
      if (item.haystack.indexOf(query.words[i]) < 0) { return -1; }
    }
    var score = 0;
    for (var r = 0; r < query.runs.length; r++) {
      var run = query.runs[r];
      if (item.haystack.indexOf(run) >= 0) { score += 3; continue; }
      if (run.length === 1) { return -1; }
      var grams = bigrams(run), found = bigramSet(item), hits = 0;
      grams.forEach(function (gram) { if (found[gram]) { hits++; } });
      // Short runs need all their bigrams, longer ones at least half.
      if (grams.length <= 2 ? hits < grams.length : 2 * hits < grams.length) { return -1; }
      score += hits / grams.length;
    }
    return score;
  }

  function search(text) {
    var query = terms(text);
    if (query.words.length === 0 && query.runs.length === 0) { return []; }
    var phrase = text.toLowerCase().trim();
    var found = [];
    entries.forEach(function (item) {
      var quality = match(item, query);
      if (quality < 0) { return; }
      var score = (weight[item.entry.k] || 0) + quality;
      if (item.entry.x.toLowerCase().indexOf(phrase) >= 0) { score += 5; }
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
    var lower = text.toLowerCase(), at = -1;
    for (var i = 0; i < words.length && at < 0; i++) { at = lower.indexOf(words[i]); }
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
      empty.textContent = list.getAttribute("data-no-results") || "No results";
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
      title.textContent = entry.k === "chapter" ? (list.getAttribute("data-chapter") || "Chapter") : entry.t;
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
    var query = terms(input.value);
    if (query.highlight.length === 0) { close(); return; }
    show(search(input.value), query.highlight);
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
