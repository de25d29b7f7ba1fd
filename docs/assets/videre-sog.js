// Starts Pagefind's Danish search UI and runs the query from ?q= (the front page form).
(function () {
  "use strict";
  function start() {
    var host = document.getElementById("videre-soeg");
    if (!host || typeof PagefindUI === "undefined") { return; }
    // Pagefind waits 300 ms after the last key press by default; that alone used up the budget for the
    // first result (make bench: first result <= 300 ms after typing). A search takes ~20-60 ms here.
    var ui = new PagefindUI({ element: "#videre-soeg", showSubResults: true, showImages: false,
                              debounceTimeoutMs: 50 });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { ui.triggerSearch(query); return; }
    // The UI loads Pagefind (its WebAssembly and index metadata) when the field gets focus. This page
    // exists to search, so load it as soon as the browser is idle: the first result then only waits for
    // the index chunk of the word typed. The focus event is synthetic; focus itself does not move.
    var warm = function () {
      var field = host.querySelector("input");
      if (field) { field.dispatchEvent(new FocusEvent("focus")); }
    };
    if ("requestIdleCallback" in window) { window.requestIdleCallback(warm, { timeout: 1000 }); }
    else { window.setTimeout(warm, 200); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
