// Starts Pagefind's Danish search UI and runs the query from ?q= (the front page form).
(function () {
  "use strict";
  function start() {
    var host = document.getElementById("videre-soeg");
    if (!host || typeof PagefindUI === "undefined") { return; }
    var ui = new PagefindUI({ element: "#videre-soeg", showSubResults: true, showImages: false });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { ui.triggerSearch(query); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
