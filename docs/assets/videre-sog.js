// Starts Pagefind's Danish search UI and runs the query from ?q= (the front page form).
(function () {
  "use strict";
  function start() {
    var host = document.getElementById("videre-soeg");
    if (!host || typeof PagefindUI === "undefined") { return; }
    // Pagefind waits 300 ms after the last key press by default; that alone used up the budget for the
    // first result (make bench: first result <= 300 ms after typing). A search takes ~20-60 ms here.
    var ui = new PagefindUI({ element: "#videre-soeg", showSubResults: true, showImages: false,
                              debounceTimeoutMs: 80 });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { ui.triggerSearch(query); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
