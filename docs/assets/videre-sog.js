// Starts Pagefind's Danish search UI and runs the query from ?q= (the front page form).
(function () {
  "use strict";
  // How Pagefind ranks results (its defaults: termSimilarity 1, pageLength 0.75). A word typed in full
  // beats a longer word it is the start of, so "Vejen" finds Vejen Kommune before "vejledning"; and a
  // long guidance page is not pushed below a short offer that repeats the word once. Measured with
  // tests/search/test_search.py (recall@5 and the place-name ranks), which reads the values from here.
  var RANKING = { termSimilarity: 4, pageLength: 0.4 };
  // A large site has several indexes of bounded size (videre/search/pagefind.py: Pagefind's search costs
  // the square of the pages a word is on); the first one lists the others in its pagefind-entry.json.
  var script = document.currentScript;
  var bundle = new URL("../pagefind/", script ? script.src : window.location.href);
  var parts = window.fetch(new URL("pagefind-entry.json", bundle).href)
    .then(function (response) { return response.ok ? response.json() : {}; })
    .then(function (entry) {
      return (entry.videre_dele || []).map(function (part) { return new URL(part, bundle).pathname; });
    })
    .catch(function () { return []; });
  window.videreSoegning = { ranking: RANKING, dele: parts };
  function start(dele) {
    var host = document.getElementById("videre-soeg");
    if (!host || typeof PagefindUI === "undefined") { return; }
    // Pagefind waits 300 ms after the last key press by default; that alone used up the budget for the
    // first result (make bench: first result <= 300 ms after typing). A search takes ~20-60 ms here.
    var ui = new PagefindUI({ element: "#videre-soeg", showSubResults: true, showImages: false,
                              debounceTimeoutMs: 50, ranking: RANKING,
                              mergeIndex: dele.map(function (path) { return { bundlePath: path, ranking: RANKING }; }) });
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
  function ready() { parts.then(start); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();
