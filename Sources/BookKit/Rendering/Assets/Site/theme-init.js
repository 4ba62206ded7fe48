// NeuralBook: theme before first paint, and asset-failure recording for ?selfcheck.
(function () {
  "use strict";
  var problems = window.BOOK_PROBLEMS = [];
  // Every console.error, uncaught exception and failed asset becomes a self-check problem.
  var consoleError = console.error;
  console.error = function () {
    problems.push("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    return consoleError.apply(console, arguments);
  };
  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      console.error("NeuralBook: failed to load " + (target.src || target.href));
    } else if (event.message) {
      problems.push("uncaught: " + event.message + " at " + event.filename + ":" + event.lineno);
    }
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    problems.push("unhandled rejection: " + String(event.reason));
  });
  var params = new URLSearchParams(window.location.search);
  var theme = params.get("theme");
  if (theme !== "dark" && theme !== "light") {
    try { theme = window.localStorage.getItem("neuralbook-theme"); } catch (e) { theme = null; }
  }
  if (theme === "dark" || theme === "light") {
    document.documentElement.setAttribute("data-theme", theme);
  }
})();
