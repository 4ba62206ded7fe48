// NeuralBook editions (only books with more than one edition load this file): the language
// switch takes the reader to the same section of the other edition (section ids are the same
// in every edition).
(function () {
  "use strict";

  // The section being read: the URL's target while it is on screen, else the last heading
  // whose top has scrolled past the header bar.
  function currentSection() {
    var header = document.querySelector(".topbar");
    var top = (header ? header.getBoundingClientRect().height : 0) + 16;
    if (window.location.hash) {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target) {
        var box = target.getBoundingClientRect();
        if (box.bottom > 0 && box.top < window.innerHeight) { return target.id; }
      }
    }
    var current = null;
    document.querySelectorAll("main h2[id], main h3[id], main h4[id]").forEach(function (heading) {
      if (heading.getBoundingClientRect().top <= top) { current = heading.id; }
    });
    return current;
  }

  function target(link) {
    var page = link.getAttribute("href").split("#")[0];
    var section = currentSection();
    return section ? page + "#" + encodeURIComponent(section) : page;
  }

  document.querySelectorAll("a.language-switch").forEach(function (link) {
    link.addEventListener("click", function () { link.setAttribute("href", target(link)); });
  });

})();
